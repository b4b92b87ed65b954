import Foundation
/// The Python helper functions a PySpark export may need, each written only when a node uses it.
/// They carry LocalGlue's semantics where the DataFrame API has no one-call equivalent.
enum PySparkHelpers {
    static let base = """
        def _rewrite(path):
            \"\"\"Applies the first --path-prefix FROM=TO whose FROM starts the path.\"\"\"
            for rule in args.path_prefix:
                old, sep, new = rule.partition("=")
                if sep and path.startswith(old):
                    return new + path[len(old):]
            return path


        def _paths(given, defaults):
            \"\"\"The paths given on the command line as they are, else the job's paths rewritten.\"\"\"
            if given:
                return given
            return [_rewrite(path) for path in defaults]


        def _col(path):
            \"\"\"A column by path segments (nested fields), quoted with back-ticks.\"\"\"
            return F.col(".".join("`" + part.replace("`", "``") + "`" for part in path))


        def _field_type(df, path):
            \"\"\"The data type at a path (names compared without case, as Spark and Glue do), or None.\"\"\"
            fields = df.schema.fields
            found = None
            for part in path:
                match = [f for f in fields if f.name.lower() == part.lower()]
                if not match:
                    return None
                found = match[0].dataType
                fields = getattr(found, "fields", [])
            return found


        def _family(name):
            name = name.lower()
            if name in ("tinyint", "smallint", "int", "bigint"):
                return "integral"
            if name in ("float", "double"):
                return "fractional"
            if name == "string" or name.startswith("char") or name.startswith("varchar"):
                return "string"
            for prefix in ("timestamp", "decimal", "struct", "array", "map"):
                if name.startswith(prefix):
                    return prefix
            return name


        """

    static let applyMapping = """
        def _apply_mapping(df, mappings):
            \"\"\"Glue's ApplyMapping: only the mapped fields; a missing field, or one whose type is not the
            declared source type's kind, becomes nulls of the target type; other values are cast.\"\"\"
            columns = []
            for source, source_type, target, target_type in mappings:
                actual = _field_type(df, source)
                if actual is None or (source_type is not None and _family(actual.simpleString()) != _family(source_type)):
                    column = F.lit(None).cast(target_type or source_type or "string")
                elif target_type is None or actual.simpleString() == target_type:
                    column = _col(source)
                else:
                    column = _col(source).cast(target_type)
                columns.append(column.alias(target))
            return df.select(*columns)


        """

    static let fields = """
        def _select_fields(df, names):
            \"\"\"Glue's SelectFields: the listed top-level fields in the listed order; unknown names are ignored.\"\"\"
            present = {f.name.lower(): f.name for f in df.schema.fields}
            return df.select(*[F.col("`" + present[n.lower()].replace("`", "``") + "`") for n in names if n.lower() in present])


        """

    static let filter = """
        def _studio_filter(df, logical, filters):
            \"\"\"Glue Studio's Filter lambda, row for row: a comparison with a null raises TypeError in the
            lambda and Glue drops the record (even when negated); EQ with a null is False (True when both
            sides are null); REGEX is Python's re.match (anchored at the start); and/or short-circuit left
            to right. Constants are typed like the column they meet.\"\"\"
            outcomes = []
            for operation, negated, values in filters:
                raised = F.lit(False)
                if operation == "ISNULL":
                    value = _col(values[0][1]).isNull()
                elif operation == "REGEX":
                    kind = _field_type(df, values[0][1])
                    if kind is None or kind.simpleString() != "string":
                        value, raised = F.lit(False), F.lit(True)
                    else:
                        column = _col(values[0][1])
                        value = F.coalesce(column.rlike("^(?:" + values[1][1] + ")"), F.lit(False))
                        raised = column.isNull()
                else:
                    operands = []
                    for index, (kind, content) in enumerate(values):
                        if kind == "column":
                            operands.append(_col(content))
                        else:
                            other = values[1 - index]
                            other_type = _field_type(df, other[1]) if other[0] == "column" else None
                            literal = F.lit(content)
                            if other_type is not None and other_type.simpleString() not in ("string", "binary"):
                                literal = literal.cast(other_type)
                            operands.append(literal)
                    left, right = operands
                    compare = {"EQ": left == right, "LT": left < right, "GT": left > right, "LTE": left <= right, "GTE": left >= right}[operation]
                    left_null = left.isNull() if values[0][0] == "column" else F.lit(False)
                    right_null = right.isNull() if values[1][0] == "column" else F.lit(False)
                    if operation == "EQ":
                        value = F.when(left_null | right_null, left_null & right_null).otherwise(F.coalesce(compare, F.lit(False)))
                    else:
                        raised = left_null | right_null
                        value = F.coalesce(compare, F.lit(False)) & ~raised
                if negated:
                    value = ~value
                outcomes.append((value, raised))
            if not outcomes:
                return df
            chain = None
            for value, raised in outcomes:
                chain = F.when(raised, False) if chain is None else chain.when(raised, False)
                chain = chain.when(~value, False) if logical == "AND" else chain.when(value, True)
            return df.where(chain.otherwise(logical == "AND"))


        """

    static let aggregate = """
        def _aggregate(df, groups, aggs):
            \"\"\"Glue Studio's Aggregate: Spark's functions by name; output columns get Spark's names.\"\"\"
            names = {"countDistinct": "count_distinct", "sumDistinct": "sum_distinct"}
            functions = []
            for column, func in aggs:
                function = getattr(F, names.get(func, func), None) or getattr(F, func)
                functions.append(function(_col(column)))
            return df.groupBy(*[_col(g) for g in groups]).agg(*functions) if groups else df.agg(*functions)


        """

    static let dropNullFields = """
        def _drop_null_fields(df, is_empty, is_null_string, is_neg_one, placeholders):
            \"\"\"Glue Studio's DropNullFields: drops the top-level fields whose every value is null or a
            placeholder ("" and "null" for text, -1 for numbers, and custom values of the field's kind).\"\"\"
            checks = []
            for field in df.schema.fields:
                column = F.col("`" + field.name.replace("`", "``") + "`")
                kind = field.dataType.simpleString()
                nullish = column.isNull()
                tokens = []
                if _family(kind) == "string":
                    if is_empty:
                        tokens.append("")
                    if is_null_string:
                        tokens.append("null")
                if _family(kind) in ("integral", "fractional", "decimal") and is_neg_one:
                    tokens.append("-1")
                tokens += [value for value, type_name in placeholders if _family(type_name) == _family(kind)]
                for token in tokens:
                    nullish = nullish | F.coalesce(column == F.lit(token).cast(field.dataType), F.lit(False))
                checks.append(F.sum(F.when(nullish, 0).otherwise(1)).alias(str(len(checks))))
            if not checks:
                return df
            counts = df.agg(*checks).collect()[0]
            keep = [field.name for index, field in enumerate(df.schema.fields) if (counts[index] or 0) > 0]
            return df.select(*[F.col("`" + name.replace("`", "``") + "`") for name in keep])


        """

    static let jsonTarget = """
        def _json_ready(df):
            \"\"\"LocalGlue's JSON Lines text for timestamps: YYYY-MM-DDTHH:MM:SS, then .ffffff when the
            fraction is not zero, then Z for a timestamp (UTC; none for timestamp_ntz).\"\"\"
            columns = []
            for field in df.schema.fields:
                name = "`" + field.name.replace("`", "``") + "`"
                kind = field.dataType.simpleString()
                if kind in ("timestamp", "timestamp_ntz"):
                    moment = F.col(name).cast("timestamp")
                    fraction = F.pmod(F.expr("unix_micros(cast(" + name + " as timestamp))"), F.lit(1000000))
                    text = F.concat(
                        F.date_format(moment, "yyyy-MM-dd'T'HH:mm:ss"),
                        F.when(fraction == 0, F.lit("")).otherwise(F.concat(F.lit("."), F.lpad(fraction.cast("string"), 6, "0"))),
                        F.lit("Z" if kind == "timestamp" else ""))
                    columns.append(text.alias(field.name))
                else:
                    columns.append(F.col(name))
            return df.select(*columns)


        """

    static let catalogSource = """
        def _catalog_partitions(reader, base, partitions, keys, schema):
            \"\"\"A partitioned catalog table: each listed partition folder (relative to the table's location,
            or absolute) with its values as typed columns after the data columns, as from_catalog gives them.\"\"\"
            frames = []
            if not base.endswith("/"):
                base += "/"
            for folder, values in partitions:
                absolute = "://" in folder or folder.startswith("/")
                frame = reader.load(_rewrite(folder) if absolute else base + folder)
                for (key, type_name), value in zip(keys, values):
                    frame = frame.withColumn(key, F.lit(value).cast(type_name))
                frames.append(frame)
            if not frames:
                return spark.createDataFrame([], schema)
            result = frames[0]
            for frame in frames[1:]:
                result = result.unionByName(frame)
            return result


        """

    static let fillMissingValues = """
        def _fill_missing_values(df, imputed, filled):
            \"\"\"LocalGlue's FillMissingValues, a documented simple imputation (not Glue's ML model): the nulls
            of a numeric field get the mean of its values (rounded half away from zero for integers), of
            another field its most frequent value (ties: the first in the frame's order), in a new field.\"\"\"
            matches = [f for f in df.schema.fields if f.name == imputed] or [f for f in df.schema.fields if f.name.lower() == imputed.lower()]
            field = matches[0]
            column = F.col("`" + field.name.replace("`", "``") + "`")
            kind = _family(field.dataType.simpleString())
            fill = F.lit(None).cast(field.dataType)
            if kind in ("integral", "fractional", "decimal"):
                mean = df.agg(F.avg(column.cast("double"))).collect()[0][0]
                if mean is not None:
                    if kind == "integral":
                        text = str(int(abs(mean) + 0.5) * (1 if mean >= 0 else -1))
                    else:
                        text = repr(float(mean))
                    fill = F.lit(text).cast(field.dataType)
            else:
                counted = (df.select(column.alias("value"), F.monotonically_increasing_id().alias("position"))
                           .where(F.col("value").isNotNull())
                           .groupBy("value").agg(F.count(F.lit(1)).alias("count"), F.min("position").alias("first"))
                           .orderBy(F.desc("count"), F.asc("first")).limit(1).collect())
                if counted:
                    fill = F.lit(counted[0]["value"]).cast(field.dataType)
            return df.withColumn(filled, F.coalesce(column, fill))


        """

    static let dropDuplicates = """
        def _drop_duplicates(df, names):
            \"\"\"DropDuplicates on some fields as LocalGlue runs it: of each set of rows equal in those fields
            (nulls equal), the first in the frame's order is kept; Spark's dropDuplicates keeps any one.\"\"\"
            from pyspark.sql import Window
            position, rank = "__localglue_position", "__localglue_rank"
            ordered = df.withColumn(position, F.monotonically_increasing_id())
            window = Window.partitionBy(*[_col([name]) for name in names]).orderBy(position)
            return ordered.withColumn(rank, F.row_number().over(window)).where(F.col(rank) == 1).drop(position, rank)


        """

    static let catalogTarget = """
        def _table_columns(df, data_columns, added_columns, partition_keys):
            \"\"\"A catalog target's files follow the table: its data columns in order, cast to their types
            (nulls for missing ones), columns added by UPDATE_IN_DATABASE, then the partition keys.\"\"\"
            columns = []
            for name, type_name in data_columns + added_columns:
                if _field_type(df, [name]) is None:
                    columns.append(F.lit(None).cast(type_name).alias(name))
                else:
                    columns.append(_col([name]).cast(type_name).alias(name))
            for name in partition_keys:
                columns.append(_col([name]).alias(name))
            return df.select(*columns)


        """
}
