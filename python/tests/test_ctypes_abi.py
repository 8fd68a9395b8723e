"""Drives the C ABI (libbackoffice_c.so) directly with ctypes, as a
non-C++ consumer would: only the documented bo_ functions, status codes and
ownership rules. Expected instants from Python's datetime; Erlang values are
the closed forms for A = 2, N = 3 (4/19 and 4/9)."""

import ctypes as C
import datetime as dt
import os
import pathlib

import pytest

BO_OK, BO_PARSE, BO_VALIDATION, BO_NOT_FOUND = 0, 2, 3, 4
BO_INTERNAL, BO_NULL_ARGUMENT = 10, 100
BO_TYPE_INT64, BO_TYPE_STRING, BO_TYPE_INSTANT = 1, 3, 4
BO_NULL_INT64 = -(2**63)


def _find_library():
    env = os.environ.get("BACKOFFICE_C_LIBRARY")
    if env:
        return env
    build = pathlib.Path(__file__).resolve().parents[2] / "build"
    found = sorted(build.glob("*/capi/libbackoffice_c.so.1"))
    return str(found[0]) if found else None


@pytest.fixture(scope="module")
def lib():
    path = _find_library()
    if not path or not os.path.exists(path):
        pytest.skip("libbackoffice_c.so.1 not built; set BACKOFFICE_C_LIBRARY (scripts/python-tests does)")
    lib = C.CDLL(path)
    st = C.c_int32
    sig = {
        "bo_version": (C.c_char_p, []),
        "bo_abi_version": (C.c_int, []),
        "bo_last_error": (C.c_char_p, []),
        "bo_last_error_field": (C.c_char_p, []),
        "bo_last_error_value": (C.c_char_p, []),
        "bo_free": (None, [C.c_void_p]),
        "bo_instant_parse": (st, [C.POINTER(C.c_int64), C.c_char_p, C.c_void_p]),
        "bo_instant_format": (st, [C.POINTER(C.c_void_p), C.POINTER(C.c_size_t), C.c_int64, C.c_void_p]),
        "bo_store_open_in_memory": (st, [C.POINTER(C.c_void_p)]),
        "bo_store_close": (None, [C.c_void_p]),
        "bo_store_put_queue": (st, [C.c_void_p, C.c_int64, C.c_char_p, C.c_char_p, C.c_int32,
                                    C.c_double, C.c_int32, C.c_char_p, C.c_char_p]),
        "bo_store_count": (st, [C.POINTER(C.c_int64), C.c_void_p, C.c_char_p]),
        "bo_table_create": (st, [C.POINTER(C.c_void_p), C.c_size_t]),
        "bo_table_destroy": (None, [C.c_void_p]),
        "bo_table_add_int64": (st, [C.c_void_p, C.c_char_p, C.c_int32, C.POINTER(C.c_int64),
                                    C.POINTER(C.c_uint8)]),
        "bo_table_add_string": (st, [C.c_void_p, C.c_char_p, C.POINTER(C.c_char_p)]),
        "bo_table_row_count": (st, [C.POINTER(C.c_size_t), C.c_void_p]),
        "bo_table_column_index": (st, [C.POINTER(C.c_size_t), C.c_void_p, C.c_char_p]),
        "bo_table_int64_column": (st, [C.POINTER(C.POINTER(C.c_int64)), C.c_void_p, C.c_size_t]),
        "bo_table_validity": (st, [C.POINTER(C.POINTER(C.c_uint8)), C.c_void_p, C.c_size_t]),
        "bo_table_string": (st, [C.POINTER(C.c_char_p), C.POINTER(C.c_size_t), C.c_void_p,
                                 C.c_size_t, C.c_size_t]),
        "bo_store_ingest_interactions": (st, [C.POINTER(C.c_void_p), C.POINTER(C.c_int64), C.c_void_p,
                                              C.c_void_p, C.c_int32]),
        "bo_store_query_interactions": (st, [C.POINTER(C.c_void_p), C.c_void_p, C.c_int64, C.c_int64,
                                             C.c_int64, C.c_int64, C.c_int64]),
        "bo_erlang_b": (st, [C.POINTER(C.c_double), C.c_double, C.c_int32]),
        "bo_erlang_c": (st, [C.POINTER(C.c_double), C.c_double, C.c_int32]),
        "bo_experimental_throw": (st, [C.c_int32]),
    }
    for name, (res, args) in sig.items():
        f = getattr(lib, name)
        f.restype, f.argtypes = res, args
    return lib


def ms(y, mo, d, h=0, mi=0, s=0):
    return int(dt.datetime(y, mo, d, h, mi, s, tzinfo=dt.timezone.utc).timestamp() * 1000)


def test_version_and_abi(lib):
    assert lib.bo_version().decode().count(".") == 2
    assert lib.bo_abi_version() == 1


def test_instants_parse_and_format_with_caller_freed_text(lib):
    out = C.c_int64()
    assert lib.bo_instant_parse(C.byref(out), b"2024-03-10T07:00:00Z", None) == BO_OK
    assert out.value == ms(2024, 3, 10, 7)
    text, n = C.c_void_p(), C.c_size_t()
    assert lib.bo_instant_format(C.byref(text), C.byref(n), out.value + 250, None) == BO_OK
    assert C.string_at(text, n.value) == b"2024-03-10T07:00:00.250Z"
    lib.bo_free(text)


def test_errors_come_back_as_status_and_thread_local_message(lib):
    out = C.c_int64(5)
    assert lib.bo_instant_parse(C.byref(out), b"tomorrow-ish", None) == BO_PARSE
    assert out.value == 5
    assert b"tomorrow-ish" in lib.bo_last_error()
    assert lib.bo_last_error_value() == b"tomorrow-ish"
    assert lib.bo_instant_parse(None, b"2024-03-10T07:00:00Z", None) == BO_NULL_ARGUMENT
    assert lib.bo_last_error_field() == b"out_unix_ms"
    assert lib.bo_store_count(C.byref(out), None, b"interactions") == BO_NULL_ARGUMENT
    assert lib.bo_experimental_throw(0) == BO_INTERNAL
    lib.bo_store_close(None)
    lib.bo_table_destroy(None)


def test_store_ingest_and_query_through_tables(lib):
    store = C.c_void_p()
    assert lib.bo_store_open_in_memory(C.byref(store)) == BO_OK
    try:
        assert lib.bo_store_put_queue(store, 1, b"Billing", b"voice", 20, 80.0, 0, b"UTC", None) == BO_OK
        rows = C.c_void_p()
        assert lib.bo_table_create(C.byref(rows), 2) == BO_OK
        I64 = C.c_int64 * 2
        offered = I64(ms(2024, 3, 1, 9), ms(2024, 3, 1, 10))
        answered = I64(ms(2024, 3, 1, 9, 0, 20), BO_NULL_INT64)
        valid = (C.c_uint8 * 2)(1, 0)
        ended = I64(ms(2024, 3, 1, 9, 5), ms(2024, 3, 1, 10, 1))
        reasons = (C.c_char_p * 2)("réclamation".encode(), None)
        assert lib.bo_table_add_int64(rows, b"queue_id", BO_TYPE_INT64, I64(1, 1), None) == BO_OK
        assert lib.bo_table_add_int64(rows, b"offered_at", BO_TYPE_INSTANT, offered, None) == BO_OK
        assert lib.bo_table_add_int64(rows, b"answered_at", BO_TYPE_INSTANT, answered, valid) == BO_OK
        assert lib.bo_table_add_int64(rows, b"ended_at", BO_TYPE_INSTANT, ended, None) == BO_OK
        assert lib.bo_table_add_string(rows, b"reason", reasons) == BO_OK
        written = C.c_int64()
        assert lib.bo_store_ingest_interactions(None, C.byref(written), store, rows, 0) == BO_OK
        assert written.value == 2
        lib.bo_table_destroy(rows)

        out = C.c_void_p()
        assert lib.bo_store_query_interactions(C.byref(out), store, BO_NULL_INT64, BO_NULL_INT64,
                                               BO_NULL_INT64, BO_NULL_INT64, BO_NULL_INT64) == BO_OK
        n, col = C.c_size_t(), C.c_size_t()
        assert lib.bo_table_row_count(C.byref(n), out) == BO_OK and n.value == 2
        assert lib.bo_table_column_index(C.byref(col), out, b"answered_at") == BO_OK
        values, mask = C.POINTER(C.c_int64)(), C.POINTER(C.c_uint8)()
        assert lib.bo_table_int64_column(C.byref(values), out, col.value) == BO_OK
        assert lib.bo_table_validity(C.byref(mask), out, col.value) == BO_OK
        assert values[0] == ms(2024, 3, 1, 9, 0, 20) and mask[1] == 0
        assert lib.bo_table_column_index(C.byref(col), out, b"reason") == BO_OK
        s, length = C.c_char_p(), C.c_size_t()
        assert lib.bo_table_string(C.byref(s), C.byref(length), out, col.value, 0) == BO_OK
        assert s.value.decode() == "réclamation" and length.value == len("réclamation".encode())
        assert lib.bo_table_column_index(C.byref(col), out, b"colour") == BO_NOT_FOUND
        lib.bo_table_destroy(out)
    finally:
        lib.bo_store_close(store)


def test_erlang_closed_forms(lib):
    b, c = C.c_double(), C.c_double()
    assert lib.bo_erlang_b(C.byref(b), 2.0, 3) == BO_OK
    assert lib.bo_erlang_c(C.byref(c), 2.0, 3) == BO_OK
    assert b.value == pytest.approx(4 / 19, rel=1e-12)
    assert c.value == pytest.approx(4 / 9, rel=1e-12)
