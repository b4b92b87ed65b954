import sys
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.dynamicframe import DynamicFrame

def sparkSqlQuery(glueContext, query, mapping, transformation_ctx) -> DynamicFrame:
    for alias, frame in mapping.items():
        frame.toDF().createOrReplaceTempView(alias)
    result = spark.sql(query)
    return DynamicFrame.fromDF(result, glueContext, transformation_ctx)

# Exported by localglue 0.1.0 from job nodes-split-sql: the same nodes, written as Glue Studio writes them.
args = getResolvedOptions(sys.argv, ['JOB_NAME'])
sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args['JOB_NAME'], args)

# Script generated for node Events
Events_events = glueContext.create_dynamic_frame.from_options(format_options={"quoteChar": "-1", "withHeader": False, "separator": "\t", "skipFirst": True, "optimizePerformance": False}, connection_type="s3", format="csv", connection_options={"paths": ["s3://raw/events/"], "recurse": True}, transformation_ctx="Events_events")

# Script generated for node Split Fields
SplitFields_split = SplitFields.apply(frame=Events_events, paths=["id", "amount"], name1="SplitFields_split0", name2="SplitFields_split1", transformation_ctx="SplitFields_split")

# Script generated for node Numbers
Numbers_numbers = SelectFromCollection.apply(dfc=SplitFields_split, key="SplitFields_split0", transformation_ctx="Numbers_numbers")

# Script generated for node Rest
Rest_rest = SelectFromCollection.apply(dfc=SplitFields_split, key="SplitFields_split1", transformation_ctx="Rest_rest")

# Script generated for node Countries
Countries_restout = glueContext.write_dynamic_frame.from_options(frame=Rest_rest, connection_type="s3", format="csv", connection_options={"path": "s3://curated/countries/", "partitionKeys": []}, transformation_ctx="Countries_restout")

# Script generated for node SQL Query
SqlQuery1 = '''
SELECT e.country, sum(n.amount) AS total, count(*) AS n
FROM numbers n JOIN events e ON n.id = e.id
WHERE e.country <> 'XX'
GROUP BY e.country
'''
SQLQuery_sql = sparkSqlQuery(glueContext, query=SqlQuery1, mapping={"numbers": Numbers_numbers, "events": Events_events}, transformation_ctx="SQLQuery_sql")

# Script generated for node Totals
Totals_sqlout = glueContext.write_dynamic_frame.from_options(frame=SQLQuery_sql, connection_type="s3", format="parquet", connection_options={"path": "s3://curated/by-country/", "partitionKeys": ["country"]}, format_options={"compression": "snappy"}, transformation_ctx="Totals_sqlout")

job.commit()
