package dev.warpsql.executor.persist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warpsql.executor.catalog.ViewDefinition;
import dev.warpsql.executor.persist.Manifest.SchemaEntry;
import dev.warpsql.executor.persist.Manifest.TableEntry;
import dev.warpsql.executor.storage.ColumnSchema;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.TypeKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link Manifest} as JSON and reads it back. Reading checks every field, so a damaged
 * manifest fails with the field that is wrong instead of loading a wrong table.
 */
final class ManifestCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ManifestCodec() {}

  static byte[] encode(Manifest manifest) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", Manifest.FORMAT_VERSION);
    ArrayNode schemas = root.putArray("schemas");
    for (SchemaEntry schema : manifest.schemas()) {
      ObjectNode schemaNode = schemas.addObject();
      schemaNode.put("name", schema.name());
      ArrayNode tables = schemaNode.putArray("tables");
      for (TableEntry table : schema.tables()) {
        ObjectNode tableNode = tables.addObject();
        tableNode.put("name", table.name());
        writeColumns(tableNode.putArray("columns"), table.columns());
        ArrayNode dictionaries = tableNode.putArray("dictionaries");
        table.dictionaryFiles().forEach(dictionaries::add);
        ArrayNode chunks = tableNode.putArray("chunks");
        table.chunkFiles().forEach(chunks::add);
      }
      ArrayNode views = schemaNode.putArray("views");
      for (ViewDefinition view : schema.views()) {
        ObjectNode viewNode = views.addObject();
        viewNode.put("name", view.name());
        viewNode.put("sql", view.sql());
        ArrayNode path = viewNode.putArray("schemaPath");
        view.schemaPath().forEach(path::add);
        writeColumns(viewNode.putArray("columns"), view.columns());
      }
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("failed to encode the manifest", e);
    }
  }

  /** Parses a manifest, or raises {@link IllegalArgumentException} naming what is wrong. */
  static Manifest decode(byte[] bytes) {
    JsonNode root;
    try {
      root = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("manifest is not valid JSON: " + e.getOriginalMessage());
    }
    int format = field(root, "format").asInt(-1);
    if (format != Manifest.FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "manifest has format " + format + ", this version reads " + Manifest.FORMAT_VERSION);
    }
    List<SchemaEntry> schemas = new ArrayList<>();
    for (JsonNode schemaNode : array(root, "schemas")) {
      List<TableEntry> tables = new ArrayList<>();
      for (JsonNode tableNode : array(schemaNode, "tables")) {
        List<String> dictionaries = new ArrayList<>();
        for (JsonNode file : array(tableNode, "dictionaries")) {
          dictionaries.add(file.isNull() ? null : file.asText());
        }
        List<String> chunks = new ArrayList<>();
        for (JsonNode file : array(tableNode, "chunks")) {
          chunks.add(file.asText());
        }
        tables.add(
            new TableEntry(
                text(tableNode, "name"),
                readColumns(array(tableNode, "columns")),
                dictionaries,
                chunks));
      }
      List<ViewDefinition> views = new ArrayList<>();
      for (JsonNode viewNode : array(schemaNode, "views")) {
        List<String> path = new ArrayList<>();
        for (JsonNode part : array(viewNode, "schemaPath")) {
          path.add(part.asText());
        }
        views.add(
            new ViewDefinition(
                text(viewNode, "name"),
                text(viewNode, "sql"),
                path,
                readColumns(array(viewNode, "columns"))));
      }
      schemas.add(new SchemaEntry(text(schemaNode, "name"), tables, views));
    }
    return new Manifest(schemas);
  }

  private static void writeColumns(ArrayNode target, List<ColumnSchema> columns) {
    for (ColumnSchema column : columns) {
      ObjectNode node = target.addObject();
      node.put("name", column.name());
      node.put("type", column.type().kind().name());
      node.put("precision", column.type().precision());
      node.put("scale", column.type().scale());
      node.put("nullable", column.nullable());
    }
  }

  private static List<ColumnSchema> readColumns(JsonNode columns) {
    List<ColumnSchema> result = new ArrayList<>();
    for (JsonNode node : columns) {
      TypeKind kind = TypeKind.valueOf(text(node, "type"));
      int precision = field(node, "precision").asInt();
      int scale = field(node, "scale").asInt();
      DataType type = new DataType(kind, precision, scale);
      result.add(new ColumnSchema(text(node, "name"), type, field(node, "nullable").asBoolean()));
    }
    return result;
  }

  private static JsonNode field(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null) {
      throw new IllegalArgumentException("manifest entry lacks \"" + name + "\": " + node);
    }
    return value;
  }

  private static String text(JsonNode node, String name) {
    JsonNode value = field(node, name);
    if (!value.isTextual()) {
      throw new IllegalArgumentException("manifest field \"" + name + "\" is not text: " + node);
    }
    return value.asText();
  }

  private static JsonNode array(JsonNode node, String name) {
    JsonNode value = field(node, name);
    if (!value.isArray()) {
      throw new IllegalArgumentException("manifest field \"" + name + "\" is not a list: " + node);
    }
    return value;
  }
}
