"""PII masking, audit trail, erasure and retention from Python. Expected
masks are the formats of docs/compliance.md applied by hand to public test
data (Visa test card 4111 1111 1111 1111, SWIFT's example IBAN
GB82 WEST 1234 5698 7654 32, the White House switchboard +1 202-456-1111)."""

import sqlite3
import threading

import numpy as np
import pandas as pd
import pytest

import backoffice as bo

T0 = pd.Timestamp("2024-03-01T09:00:00Z")


def test_mask_pii_on_a_string_masks_every_kind():
    text = ("Jane (jane@example.com, +1 202-456-1111) paid with 4111-1111-1111-1111 "
            "from GB82WEST12345698765432, SSN 078-05-1120.")
    assert bo.mask_pii(text) == ("Jane ([EMAIL], [PHONE]) paid with ****-****-****-1111 "
                                 "from [IBAN], SSN [SSN].")


def test_mask_result_reports_counts_and_byte_spans():
    r = bo.PiiMasker().mask("a@b.io 4111111111111111 end")
    assert r.text == "[EMAIL] ************1111 end"
    assert r.counts["email"] == 1 and r.counts["card"] == 1 and r.total == 2
    # "a@b.io" is [0, 6); the card starts after the space at 7, 16 digits.
    assert r.spans == [("email", 0, 6), ("card", 7, 23)]


def test_a_series_comes_back_with_its_index_and_none_kept():
    s = pd.Series(["call (202) 456-1111", None, "nothing here"], index=[10, 20, 30], name="notes")
    out, counts = bo.PiiMasker().mask_many(s, return_counts=True)
    assert out.index.tolist() == [10, 20, 30]
    assert out.name == "notes"
    assert out.dtype == s.dtype
    assert out.isna().tolist() == [False, True, False]
    assert out[10] == "call [PHONE]" and out[30] == "nothing here"
    assert counts.tolist() == [1, 0, 0]
    objects = pd.Series(["a@b.io", None], dtype=object)
    assert bo.mask_pii(objects).tolist() == ["[EMAIL]", None]
    assert bo.mask_pii(["x@y.org", "ok"]) == ["[EMAIL]", "ok"]


def test_kinds_region_and_phone_check_are_honoured():
    assert bo.mask_pii("ring 020 7946 0958 or a@b.io", kinds=["phone"], default_region="GB") == \
        "ring [PHONE] or a@b.io"
    # +44 10 ...: a UK length but no UK number starts 010 (libphonenumber metadata).
    text = "+44 10 7946 0958"
    assert bo.mask_pii(text, kinds="phone") == "[PHONE]"
    assert bo.mask_pii(text, kinds="phone", phone_check="valid") == text


def test_bad_options_raise_validation_errors_naming_the_field():
    with pytest.raises(bo.ValidationError) as e:
        bo.PiiMasker(default_region="XX")
    assert e.value.field == "default_region" and e.value.value == "XX"
    with pytest.raises(bo.ValidationError) as e:
        bo.PiiMasker(phone_check="sloppy")
    assert e.value.field == "phone_check"
    with pytest.raises(bo.ValidationError) as e:
        bo.PiiMasker(kinds=["names"])
    assert e.value.field == "kinds"
    with pytest.raises(bo.ValidationError) as e:
        bo.PiiMasker(kinds=[])
    assert e.value.field == "options"


def test_masking_from_threads_gives_the_same_result():
    masker = bo.PiiMasker()
    notes = [f"note {i}: call (202) 456-{i:04d}, card 4111 1111 1111 1111" for i in range(2000)]
    expected = [f"note {i}: call [PHONE], card **** **** **** 1111" for i in range(2000)]
    results = [None] * 4

    def work(k):
        results[k] = masker.mask_many(notes)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == expected for r in results)


def one_call(customer_id: int) -> pd.DataFrame:
    s = pd.Timedelta(seconds=1)
    return pd.DataFrame({
        "channel": ["voice"], "direction": ["inbound"],
        "queue_id": np.array([1], dtype=np.int64),
        "customer_id": pd.array([customer_id], dtype="Int64"),
        "offered_at": [T0], "answered_at": [T0 + 10 * s], "ended_at": [T0 + 200 * s],
    })


def test_erasure_moves_records_keeps_counts_and_is_audited(store):
    store.put_customer(7, "Jane Doe")
    store.put_customer(8, "Omar Said")
    store.ingest_interactions(pd.concat([one_call(7), one_call(7), one_call(8)], ignore_index=True))
    report = bo.erase_customer(store, 7, actor="dpo", now=T0)
    assert report["interactions"] == 2
    # No billing records or returns for customer 7: the new counts are there, at 0.
    assert (report["invoices"], report["payments"], report["credit_notes"], report["rmas"]) == (0, 0, 0, 0)
    assert report["audit_seq"] == 1
    assert store.count("interactions") == 3  # moved, not deleted
    log = bo.audit_entries(store)
    assert log["action"].tolist() == ["erase"]
    assert log["record_id"].tolist() == ["7"]
    assert log["time"].tolist() == [T0]
    with pytest.raises(bo.NotFoundError) as e:
        bo.erase_customer(store, 7, actor="dpo")
    assert e.value.field == "customer"


def test_a_tampered_audit_entry_is_found(tmp_path):
    path = tmp_path / "centre.db"
    with bo.Store.open(path) as s:
        for i in range(1, 4):
            assert bo.audit_append(s, actor="job", action="update", record_kind="customer",
                                   record_id=str(i), summary=f"change {i}", time=T0) == i
        v = bo.verify_audit(s)
        assert v.ok and v.entries == 3 and v.first_bad_seq is None and len(v.head_hash) == 64
    # What someone with the file can do: drop the triggers and edit a row.
    db = sqlite3.connect(path)
    db.executescript("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;"
                     "UPDATE audit_log SET summary = 'nothing happened' WHERE seq = 2;")
    db.close()
    with bo.Store.open(path) as s:
        v = bo.verify_audit(s)
        assert not v.ok
        assert v.first_bad_seq == 2
        assert v.reason != ""


def test_retention_writes_one_audit_entry_per_rule_and_checks_rules(store):
    r = bo.apply_retention(store, now=T0, interactions="365D", work_items=pd.Timedelta(days=30))
    assert r["interactions"] == 0 and r["first_audit_seq"] == 1 and r["last_audit_seq"] == 2
    assert r["qa_evaluations"] == 0
    with pytest.raises(bo.ValidationError) as e:
        bo.apply_retention(store, now=T0, interactions=0)
    assert e.value.field == "retention.interactions.max_age"
    with pytest.raises(bo.ValidationError) as e:
        bo.apply_retention(store, now=T0, cases="30D", cases_action="shred")
    assert e.value.field == "retention.cases.action"


def test_every_store_write_is_audited_once_recording(store):
    store.put_customer(7, "Jane Doe")  # before recording: not in the log
    bo.audit_record_changes(store, actor="crm-sync")
    store.put_customer(8, "Omar Said")
    store.ingest_interactions(pd.concat([one_call(7), one_call(8)], ignore_index=True))
    log = bo.audit_entries(store)
    assert log["action"].tolist() == ["put", "ingest"]
    assert log["record_kind"].tolist() == ["customer", "interaction"]
    assert log["record_id"].tolist() == ["8", "*"]
    assert log["actor"].tolist() == ["crm-sync", "crm-sync"]
    assert log["summary"][1] == "rows=2"
    assert "Omar" not in log["summary"][0]  # a digest, never the record
    assert bo.verify_audit(store).ok
    bo.audit_stop_recording(store)
    store.put_customer(9, "Ana Lima")
    assert len(bo.audit_entries(store)) == 2
