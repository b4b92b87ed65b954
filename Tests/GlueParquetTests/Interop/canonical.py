"""Canonical, engine-independent text for Arrow tables, shared by the interop scripts.

Every value becomes a string (or None for null) so that pyarrow, DuckDB, Polars and LocalGlue's
reader can be compared exactly:
  integers, dates (days), timestamps (microseconds, floor for ns), times (raw), decimals
  (unscaled) -> "i:<int>";  float32 -> "f:<hex bits>";  float64 -> "d:<hex bits>";  NaN -> "nan";
  booleans -> "true"/"false";  strings -> "s:<hex of UTF-8>";  binary -> "b:<hex>".
"""
import decimal
import struct

import pyarrow as pa
import pyarrow.compute as pc

_UNIT_TO_MICROS = {"s": (1_000_000, 1), "ms": (1000, 1), "us": (1, 1), "ns": (1, 1000)}


def canonical_column(column):
    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks() if column.num_chunks else pa.array([], type=column.type)
    t = column.type
    if pa.types.is_dictionary(t):
        column = column.cast(t.value_type)
        t = t.value_type
    if pa.types.is_timestamp(t):
        multiply, divide = _UNIT_TO_MICROS[t.unit]
        raw = column.cast(pa.int64()).to_pylist()
        return [None if v is None else "i:%d" % ((v * multiply) // divide) for v in raw]
    if pa.types.is_date32(t):
        return [None if v is None else "i:%d" % v for v in column.cast(pa.int32()).to_pylist()]
    if pa.types.is_date64(t):
        return [None if v is None else "i:%d" % (v // 86_400_000) for v in column.cast(pa.int64()).to_pylist()]
    if pa.types.is_time32(t):
        return [None if v is None else "i:%d" % v for v in column.cast(pa.int32()).to_pylist()]
    if pa.types.is_time64(t):
        return [None if v is None else "i:%d" % v for v in column.cast(pa.int64()).to_pylist()]
    if pa.types.is_decimal(t):
        with decimal.localcontext() as context:
            context.prec = 100
            return [None if v is None else "i:%d" % int(v.scaleb(t.scale)) for v in column.to_pylist()]
    if pa.types.is_integer(t):
        return [None if v is None else "i:%d" % v for v in column.to_pylist()]
    if pa.types.is_boolean(t):
        return [None if v is None else ("true" if v else "false") for v in column.to_pylist()]
    if pa.types.is_float16(t) or pa.types.is_float32(t):
        column = column.cast(pa.float32()) if pa.types.is_float16(t) else column
        return [None if v is None else ("nan" if v != v else "f:" + struct.pack("<f", v)[::-1].hex()) for v in column.to_pylist()]
    if pa.types.is_float64(t):
        return [None if v is None else ("nan" if v != v else "d:" + struct.pack("<d", v)[::-1].hex()) for v in column.to_pylist()]
    if pa.types.is_string(t) or pa.types.is_large_string(t) or (hasattr(pa.types, "is_string_view") and pa.types.is_string_view(t)):
        return [None if v is None else "s:" + v.encode("utf-8").hex() for v in column.to_pylist()]
    if pa.types.is_binary(t) or pa.types.is_large_binary(t) or pa.types.is_fixed_size_binary(t) or (
        hasattr(pa.types, "is_binary_view") and pa.types.is_binary_view(t)
    ):
        return [None if v is None else "b:" + bytes(v).hex() for v in column.to_pylist()]
    raise TypeError("no canonical form for %s" % t)


def canonical_table(table):
    """{"columns": [...], "rows": [[...], ...]} for a pyarrow Table."""
    columns = [canonical_column(table.column(i)) for i in range(table.num_columns)]
    rows = [list(row) for row in zip(*columns)] if columns else []
    return {"columns": table.column_names, "rows": rows}
