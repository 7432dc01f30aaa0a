"""Writers for records: JSONL, CSV, Parquet, SQLite, and pandas DataFrames."""
from ppo_nlp.io.tables import TABLES, flat_row, table_rows, to_pandas
from ppo_nlp.io.writers import FORMATS, guess_format, open_writer

__all__ = ["FORMATS", "TABLES", "flat_row", "guess_format", "open_writer", "table_rows", "to_pandas"]
