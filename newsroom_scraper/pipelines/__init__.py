"""Item pipelines: Page -> Article record (extract), schema check (validate), one record per id (duplicates)."""
