"""What an administrator sees of the deployment's health: database pool, time-series partitions and retention,
the catalogue's size, and how well the cache is doing (docs/decisions/012 and 013)."""
