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

# Exported by localglue 0.1.0 from job localglue-bench-W3: the same nodes, written as Glue Studio writes them.
args = getResolvedOptions(sys.argv, ['JOB_NAME'])
sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args['JOB_NAME'], args)

# Script generated for node events CSV
eventsCSV_source = glueContext.create_dynamic_frame.from_options(format_options={"quoteChar": "\"", "withHeader": True, "separator": ",", "multiLine": True, "optimizePerformance": False}, connection_type="s3", format="csv", connection_options={"paths": ["s3://localglue-bench/input/csv/"], "recurse": True}, transformation_ctx="eventsCSV_source")

# Script generated for node SQL
SqlQuery1 = '''
SELECT country, category, sum(quantity * unit_price) AS revenue, count(*) AS orders FROM events GROUP BY country, category ORDER BY country, category
'''
SQL_sql = sparkSqlQuery(glueContext, query=SqlQuery1, mapping={"events": eventsCSV_source}, transformation_ctx="SQL_sql")

# Script generated for node output
output_target = glueContext.write_dynamic_frame.from_options(frame=SQL_sql, connection_type="s3", format="csv", connection_options={"path": "s3://localglue-bench/output/W3/", "partitionKeys": []}, transformation_ctx="output_target")

job.commit()
