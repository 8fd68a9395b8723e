import backoffice as bo
import pandas as pd

t = pd.Timestamp("2024-03-01 09:00", tz="UTC")
calls = pd.DataFrame({"queue_id": [1, 1], "offered_at": [t, t + pd.Timedelta("1min")],
                      "answered_at": [t + pd.Timedelta("15s"), pd.NaT],
                      "ended_at": [t + pd.Timedelta("5min"), t + pd.Timedelta("2min")]})
with bo.Store.open(":memory:") as store:
    store.put_queue(1, "Billing", service_level_target_s=20, service_level_percent=80)
    store.ingest_interactions(calls)
    print(store.interactions(queue_id=1)[["id", "answered_at", "ended_at"]].to_string())
print(bo.required_agents(calls_per_interval=100, aht_s=180, service_level=0.8, answer_time_s=20))
