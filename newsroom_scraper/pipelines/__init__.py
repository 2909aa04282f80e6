"""Item pipelines: Page -> Article record (extract), since, schema check (validate), one record per id
(duplicates), only new or changed across runs (seen)."""
