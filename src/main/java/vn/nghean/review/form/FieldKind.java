package vn.nghean.review.form;

import java.util.Date;

import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/** What a form field holds, and so which values a submission may give it. */
enum FieldKind {
  TEXT("chữ"),
  NUMBER("số"),
  /** A day or a moment: an ISO text as Tasklist sends it, or a date. */
  DATE("ngày tháng"),
  BOOLEAN("có/không");

  private final String label;

  FieldKind(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  /** The kind of a Camunda Form component type ({@code textfield}, {@code number}, ...), or null for none. */
  static FieldKind ofComponent(String type) {
    return switch (type) {
      case "textfield", "textarea", "radio", "select" -> TEXT;
      case "number" -> NUMBER;
      case "datetime" -> DATE;
      case "checkbox" -> BOOLEAN;
      default -> null;
    };
  }

  /** The kind of an embedded form's {@code cam-variable-type}. */
  static FieldKind ofVariableType(String type) {
    return switch (type) {
      case "String" -> TEXT;
      case "Integer", "Long", "Short", "Double" -> NUMBER;
      case "Date" -> DATE;
      case "Boolean" -> BOOLEAN;
      default -> throw new IllegalArgumentException("Unsupported cam-variable-type " + type);
    };
  }

  /** Whether a submitted value fits: null always does (whether it may be empty is the form's rule). */
  boolean accepts(Object submitted) {
    Object value = submitted;
    if (submitted instanceof TypedValue typed) {
      if (typed instanceof SerializableValue) {
        return false; // objects, JSON, XML: no field of ours holds one
      }
      value = typed.getValue();
    }
    if (value == null) {
      return true;
    }
    return switch (this) {
      case TEXT -> value instanceof String;
      case NUMBER -> value instanceof Integer || value instanceof Long || value instanceof Short
          || value instanceof Double;
      case DATE -> value instanceof String || value instanceof Date;
      case BOOLEAN -> value instanceof Boolean;
    };
  }
}
