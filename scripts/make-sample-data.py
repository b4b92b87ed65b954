"""Writes the sample lake's bucket contents under SampleData/buckets/ (deterministic: same bytes
every run). Run with the project's private Python: `.venv/bin/python scripts/make-sample-data.py`.

The world is the one of the design documents: an RDS snapshot export (Parquet, gzip) and CSV
files in data-lake-snapshot-rds-test-s3, an empty target bucket data-lake-test-target-s3, and the
SageMaker buckets sagemaker-rawdata (read-only for the engineer role) and sagemaker-result."""
import datetime
import decimal
import os
import random

import pyarrow as pa
import pyarrow.parquet as pq

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "SampleData", "buckets")
EXPORT = "exports/rds-snapshot-export-2024-10-28/salesdb"
COUNTRIES = ["DE", "FR", "JP", "US", "BR"]
NAMES = ["Ada Lovelace", "Zoë Kravitz", "José Martínez", "Søren Kierkegaard", "Chloé Dubois",
         "Björn Borg", "Nguyễn Văn An", "Ines Müller", "山田太郎", "Grace Hopper", "Alan Turing", "O'Neil Brown"]


def write_parquet(table, bucket, key):
    path = os.path.join(ROOT, bucket, key)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    # RDS snapshot exports are Parquet with GZIP compression.
    pq.write_table(table, path, compression="gzip", use_dictionary=True, write_statistics=True)


def main():
    rng = random.Random(20241028)
    customers = pa.table({
        "customer_id": pa.array(range(1, 13), pa.int64()),
        "name": pa.array(NAMES, pa.string()),
        "email": pa.array([n.lower().replace(" ", ".").replace("'", "") + "@example.com" for n in NAMES], pa.string()),
        "country": pa.array([COUNTRIES[i % len(COUNTRIES)] for i in range(12)], pa.string()),
        "created_at": pa.array([datetime.datetime(2023, 1, 1) + datetime.timedelta(days=17 * i, seconds=3_600 * i) for i in range(12)],
                               pa.timestamp("us", tz="UTC")),
    })
    write_parquet(customers, "data-lake-snapshot-rds-test-s3",
                  f"{EXPORT}/sales.customers/1/part-00000-6f1d2c3a-4b5e-4f60-8a71-92b3c4d5e6f7.gz.parquet")

    order_ids, customer_ids, dates, amounts, statuses, quantities = [], [], [], [], [], []
    for order_id in range(1001, 1061):
        order_ids.append(order_id)
        customer_ids.append(rng.randint(1, 12))
        dates.append(datetime.date(2024, 10, 1) + datetime.timedelta(days=rng.randint(0, 27)))
        amounts.append(decimal.Decimal(rng.randint(500, 250_000)) / 100)
        statuses.append(rng.choice(["shipped", "shipped", "pending", "cancelled"]))
        quantities.append(None if order_id % 17 == 0 else rng.randint(1, 9))
    orders = pa.table({
        "order_id": pa.array(order_ids, pa.int64()),
        "customer_id": pa.array(customer_ids, pa.int64()),
        "order_date": pa.array(dates, pa.date32()),
        "amount": pa.array(amounts, pa.decimal128(10, 2)),
        "quantity": pa.array(quantities, pa.int32()),
        "status": pa.array(statuses, pa.string()),
    })
    write_parquet(orders, "data-lake-snapshot-rds-test-s3",
                  f"{EXPORT}/sales.orders/1/part-00000-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d.gz.parquet")

    products = os.path.join(ROOT, "data-lake-snapshot-rds-test-s3", "csv/products/products.csv")
    os.makedirs(os.path.dirname(products), exist_ok=True)
    with open(products, "w", newline="") as out:
        out.write("product_id,name,category,unit_price,discontinued\n")
        rows = [(1, "Espresso beans", "coffee", "14.50", "false"), (2, "Filter papers, 100", "coffee", "3.20", "false"),
                (3, "Grinder \"Mini\"", "equipment", "89.00", "false"), (4, "Matcha", "tea", "22.00", "true"),
                (5, "Crème brûlée kit", "dessert", "31.75", "false"), (6, "Kettle", "equipment", "", "false")]
        for product_id, name, category, price, discontinued in rows:
            quoted = '"' + name.replace('"', '""') + '"' if ("," in name or '"' in name) else name
            out.write(f"{product_id},{quoted},{category},{price},{discontinued}\n")

    events = os.path.join(ROOT, "sagemaker-rawdata", "raw/events/2024/10/28/events.csv")
    os.makedirs(os.path.dirname(events), exist_ok=True)
    with open(events, "w", newline="") as out:
        out.write("event_id,customer_id,event_type,event_time,value\n")
        for event_id in range(1, 41):
            moment = datetime.datetime(2024, 10, 28, 8, 0, 0) + datetime.timedelta(minutes=37 * event_id)
            out.write(f"{event_id},{rng.randint(1, 12)},{rng.choice(['view', 'click', 'purchase'])},"
                      f"{moment.strftime('%Y-%m-%d %H:%M:%S')},{rng.randint(0, 1000) / 10}\n")

if __name__ == "__main__":
    main()
