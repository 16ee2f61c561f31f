package vn.dvcw.storage.access;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Names the statement behind a plan node the way people write it ({@code DeleteFromTable} is {@code DELETE},
 * Delta's {@code VacuumTableCommand} is {@code VACUUM}), and knows which commands only read: the SHOW, DESCRIBE,
 * EXPLAIN, USE, SET and cache-clearing commands of Spark 3.5 and Delta 3.3.
 */
final class StatementKinds {
  private StatementKinds() {}

  /** Commands (by class simple name) that read the catalog or the session and change nothing that lasts. */
  static final Set<String> READ_ONLY = Set.of(
      "ShowTables", "ShowTableExtended", "ShowTablesCommand", "ShowNamespaces", "ShowViews", "ShowFunctions",
      "ShowColumns", "ShowCreateTable", "ShowTableProperties", "ShowPartitions", "ShowCatalogsCommand",
      "ShowCurrentNamespaceCommand", "ShowCurrentNamespace", "DescribeRelation", "DescribeColumn",
      "DescribeNamespace", "DescribeFunction", "DescribeQueryCommand", "ExplainCommand", "SetCatalogAndNamespace",
      "SetCatalogCommand", "SetNamespaceCommand", "SetCommand", "ResetCommand", "RefreshTable", "RefreshFunction",
      "RefreshResource", "UncacheTable", "ClearCacheCommand", "ListJarsCommand", "ListFilesCommand",
      "ListArchivesCommand", "DescribeDeltaDetailCommand", "DescribeDeltaHistory", "DescribeDeltaHistoryCommand");

  private static final Map<String, String> KINDS = Map.ofEntries(
      Map.entry("InsertIntoStatement", "INSERT"), Map.entry("AppendData", "INSERT"),
      Map.entry("OverwriteByExpression", "INSERT OVERWRITE"), Map.entry("OverwritePartitionsDynamic", "INSERT OVERWRITE"),
      Map.entry("InsertIntoDir", "INSERT OVERWRITE DIRECTORY"),
      Map.entry("InsertIntoDataSourceDirCommand", "INSERT OVERWRITE DIRECTORY"),
      Map.entry("DeleteFromTable", "DELETE"), Map.entry("DeleteFromTableWithFilters", "DELETE"),
      Map.entry("DeleteCommand", "DELETE"), Map.entry("UpdateTable", "UPDATE"), Map.entry("UpdateCommand", "UPDATE"),
      Map.entry("MergeIntoTable", "MERGE"), Map.entry("MergeIntoCommand", "MERGE"),
      Map.entry("TruncateTable", "TRUNCATE"), Map.entry("TruncatePartition", "TRUNCATE"),
      Map.entry("DropTable", "DROP TABLE"), Map.entry("DropView", "DROP VIEW"),
      Map.entry("DropNamespace", "DROP DATABASE"), Map.entry("DropFunction", "DROP FUNCTION"),
      Map.entry("DropIndex", "DROP INDEX"),
      Map.entry("CreateTable", "CREATE TABLE"), Map.entry("CreateTableAsSelect", "CREATE TABLE"),
      Map.entry("CreateTableLikeCommand", "CREATE TABLE"), Map.entry("CreateDataSourceTableCommand", "CREATE TABLE"),
      Map.entry("ReplaceTable", "REPLACE TABLE"), Map.entry("ReplaceTableAsSelect", "REPLACE TABLE"),
      Map.entry("CreateView", "CREATE VIEW"), Map.entry("CreateViewCommand", "CREATE VIEW"),
      Map.entry("CreateTempViewUsing", "CREATE VIEW"), Map.entry("AlterViewAs", "ALTER VIEW"),
      Map.entry("CreateNamespace", "CREATE DATABASE"), Map.entry("CreateFunction", "CREATE FUNCTION"),
      Map.entry("CreateFunctionCommand", "CREATE FUNCTION"), Map.entry("CreateIndex", "CREATE INDEX"),
      Map.entry("AnalyzeTable", "ANALYZE TABLE"), Map.entry("AnalyzeTables", "ANALYZE TABLE"),
      Map.entry("AnalyzeColumn", "ANALYZE TABLE"), Map.entry("RepairTable", "MSCK REPAIR TABLE"),
      Map.entry("LoadData", "LOAD DATA"), Map.entry("AddJarsCommand", "ADD JAR"), Map.entry("AddFilesCommand", "ADD FILE"),
      Map.entry("AddArchivesCommand", "ADD ARCHIVE"), Map.entry("CacheTable", "CACHE TABLE"),
      Map.entry("CacheTableAsSelect", "CACHE TABLE"), Map.entry("VacuumTableCommand", "VACUUM"),
      Map.entry("OptimizeTableCommand", "OPTIMIZE"), Map.entry("RestoreTableStatement", "RESTORE"),
      Map.entry("RestoreTableCommand", "RESTORE"), Map.entry("CloneTableStatement", "CREATE TABLE … CLONE"),
      Map.entry("ConvertToDeltaCommand", "CONVERT TO DELTA"), Map.entry("DeltaReorgTable", "REORG TABLE"),
      Map.entry("DeltaReorgTableCommand", "REORG TABLE"), Map.entry("DeltaGenerateCommand", "GENERATE"),
      Map.entry("ScriptTransformation", "TRANSFORM … USING"),
      Map.entry("SaveIntoDataSourceCommand", "DataFrame write"),
      Map.entry("InsertIntoHadoopFsRelationCommand", "DataFrame write"),
      Map.entry("InsertIntoDataSourceCommand", "DataFrame write"), Map.entry("WriteIntoDelta", "DataFrame write"),
      Map.entry("CreateDataSourceTableAsSelectCommand", "CREATE TABLE"));

  /** A node's class name without Scala's {@code $} of case objects ({@code ClearCacheCommand$}). */
  static String simpleName(Object node) {
    String name = node.getClass().getSimpleName();
    return name.endsWith("$") ? name.substring(0, name.length() - 1) : name;
  }

  /** Whether a node's class is one of the statements known to write or change the catalog. */
  static boolean isWrite(String simpleName) {
    return KINDS.containsKey(simpleName) && !simpleName.equals("ScriptTransformation");
  }

  /** The kind of statement a node stands for. */
  static String of(Object node) {
    String name = simpleName(node);
    String kind = KINDS.get(name);
    if (kind != null) {
      return kind;
    }
    if (name.startsWith("Alter") || name.startsWith("Add") || name.startsWith("Rename") || name.startsWith("Drop")
        || name.startsWith("Set") || name.startsWith("Unset") || name.startsWith("Replace")
        || name.startsWith("CommentOn") || name.startsWith("RecoverPartitions")) {
      return "ALTER";
    }
    // Anything else: the class name in words, e.g. ConvertToDeltaCommand -> CONVERT TO DELTA.
    String words = name.replaceAll("(Command|Statement|Exec)$", "").replaceAll("([a-z])([A-Z])", "$1 $2");
    return words.toUpperCase(Locale.ROOT);
  }
}
