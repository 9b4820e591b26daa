"""Network science on projections of the graph: python-igraph and leidenalg underneath."""
