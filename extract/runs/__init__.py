"""Runs over many documents: reading inputs, batches in supervised workers, writing records, Dask, DataFrames."""
