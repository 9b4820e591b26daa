"""Network science on projections of the graph, computed in python-igraph's C core."""
