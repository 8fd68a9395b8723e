"""Tables between the compiled module and pandas (private).

A table column arrives as (name, type, values, valid): ``values`` is a
read-only numpy view of the library's buffer (no copy) or an object array of
str for text, ``valid`` a uint8 mask or None. Types match BO_TYPE_* in the C
header.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

INT64, DOUBLE, STRING, INSTANT, DURATION, BOOL = 1, 2, 3, 4, 5, 6


def column_to_series(name: str, type_: int, values: np.ndarray, valid) -> pd.Series:
    """One table column as a pandas Series with the proper dtype: instants
    datetime64[ms, UTC], durations timedelta64[ms], integers int64 or the
    nullable Int64, booleans bool or the nullable boolean, text string."""
    mask = None if valid is None else ~valid.view(np.bool_)
    if type_ == INSTANT:
        # Null slots hold INT64_MIN, which is numpy's NaT: the view is exact.
        return pd.Series(values.view("datetime64[ms]"), name=name, copy=False).dt.tz_localize("UTC")
    if type_ == DURATION:
        return pd.Series(values.view("timedelta64[ms]"), name=name, copy=False)
    if type_ == INT64:
        if mask is None:
            return pd.Series(values, name=name, copy=False)
        return pd.Series(pd.arrays.IntegerArray(values, mask), name=name)
    if type_ == BOOL:
        flags = values != 0
        if mask is None:
            return pd.Series(flags, name=name)
        return pd.Series(pd.arrays.BooleanArray(flags, mask), name=name)
    if type_ == DOUBLE:
        if mask is None:
            return pd.Series(values, name=name, copy=False)
        return pd.Series(pd.arrays.FloatingArray(values, mask), name=name)
    return pd.Series(values, name=name, dtype="string")


def table_to_dataframe(table) -> pd.DataFrame:
    """A compiled table as a DataFrame, column by column, with no row loop."""
    series = [column_to_series(*table.column(i)) for i in range(table.num_columns)]
    if not series:
        return pd.DataFrame(index=pd.RangeIndex(table.num_rows))
    # copy=False keeps the numeric columns as views of the library's buffers.
    return pd.DataFrame({s.name: s for s in series}, copy=False)


def _mask_of(s: pd.Series):
    na = s.isna().to_numpy()
    return (~na).astype(np.uint8) if na.any() else None


def _masked_int64(s: pd.Series):
    """(values, None) of a nullable Int*/boolean column straight from its
    data and mask buffers (pandas' masked arrays), or None for other dtypes.
    Nulls become INT64_MIN. About 20x faster than to_numpy(na_value=)."""
    arr = s.array
    data, mask = getattr(arr, "_data", None), getattr(arr, "_mask", None)
    if not (isinstance(data, np.ndarray) and isinstance(mask, np.ndarray) and mask.dtype == np.bool_):
        return None
    if not (np.issubdtype(data.dtype, np.integer) or data.dtype == np.bool_):
        return None
    if data.dtype == np.uint64 and data.size and data.max() > np.iinfo(np.int64).max:
        return None  # out of range: the generic path reports it
    values = data.astype(np.int64)
    if not mask.any():
        return values, None
    values[mask] = np.iinfo(np.int64).min
    # INT64_MIN marks the nulls already (the library reads it as null), so no
    # mask is sent: int64 columns without a mask can be used in place.
    return values, None


_NAT = np.iinfo(np.int64).min
_PER_MS = {"ns": 1_000_000, "us": 1_000, "ms": 1}


def _epoch_ms(arr) -> np.ndarray:
    """Milliseconds of a pandas DatetimeArray (naive read as UTC; an aware
    one's ticks are UTC already) or TimedeltaArray, straight from its int64
    ticks: no zone conversion and no intermediate copies. NaT stays
    INT64_MIN, the library's null. Ticks are floored to the millisecond, as
    numpy's datetime64[ms] cast does."""
    ticks = arr.asi8
    unit = getattr(arr, "unit", "ns")
    if unit == "ms":
        return ticks
    nat = ticks == _NAT
    ms = ticks * 1000 if unit == "s" else ticks // _PER_MS[unit]
    if nat.any():
        ms[nat] = _NAT
    return ms


def series_to_column(name: str, type_: int, data) -> tuple:
    """A column given by the user (Series, array, list) as the (name, type,
    values, valid) tuple the compiled module reads. Numeric data that is
    already int64 (or float64) and contiguous passes through without a copy."""
    if isinstance(data, np.ndarray) and data.dtype == np.int64 and type_ not in (STRING, DOUBLE):
        return (name, type_, np.ascontiguousarray(data), None)
    s = data if isinstance(data, pd.Series) else pd.Series(data)
    if type_ == STRING:
        return (name, type_, s.to_numpy(dtype=object, na_value=None), None)
    if type_ not in (DOUBLE, INSTANT, DURATION) or pd.api.types.is_integer_dtype(s.dtype):
        if s.dtype == np.bool_:
            return (name, type_, s.to_numpy().astype(np.int64), None)
        masked = _masked_int64(s)
        if masked is not None:
            return (name, type_, masked[0], masked[1])
    if (type_ == INSTANT and pd.api.types.is_datetime64_any_dtype(s.dtype)) or (
            type_ == DURATION and pd.api.types.is_timedelta64_dtype(s.dtype)):
        return (name, type_, _epoch_ms(s.array), None)
    valid = _mask_of(s)
    if type_ == DOUBLE:
        return (name, type_, s.to_numpy(dtype=np.float64, na_value=np.nan), valid)
    if valid is not None or not pd.api.types.is_integer_dtype(s.dtype):
        if not (pd.api.types.is_numeric_dtype(s.dtype) or pd.api.types.is_bool_dtype(s.dtype)
                or s.isna().all()):
            from .core import ValidationError

            raise ValidationError(
                f"invalid argument: {name} = '{s.dtype}': expected a numeric column",
                code="invalid_argument", field=name, value=str(s.dtype))
        values = s.astype("Float64" if not pd.api.types.is_bool_dtype(s.dtype) else "boolean")
        values = values.to_numpy(dtype=np.float64, na_value=0.0)
        if np.any(values != np.floor(values)):
            bad = int(np.argmax(values != np.floor(values)))
            from .core import ValidationError

            raise ValidationError(
                f"invalid argument: {name}[{bad}] = '{values[bad]}': expected a whole number",
                code="invalid_argument", field=f"{name}[{bad}]", value=str(values[bad]))
        return (name, type_, values.astype(np.int64), valid)
    return (name, type_, s.to_numpy(dtype=np.int64), None)
