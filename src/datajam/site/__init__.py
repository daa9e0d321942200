"""MkDocs glue for the bilingual site."""
