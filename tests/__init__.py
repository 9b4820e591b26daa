import os

# One test process runs per core (scripts/test), and the servers it starts run beside it: a
# BLAS thread per core in each of them only makes the threads wait for one another, spinning
# (numpy and scipy read this when they are first imported, which is below this package).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
