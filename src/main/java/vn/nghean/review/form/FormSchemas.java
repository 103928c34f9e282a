package vn.nghean.review.form;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.nghean.review.shared.VietnamTime;

/**
 * The Camunda Forms of {@code processes/forms}, read once, so that the server checks a submission
 * against the very rules the form shows in Tasklist (required, length, range, pattern, choices,
 * dates). Tasklist checks them in the browser; the engine API and {@code /engine-rest} do not.
 */
public class FormSchemas {

  static final String LOCATION = "classpath*:processes/**/*.form";
  /** Camunda stores a string variable in a 4,000-character column. */
  static final int VARIABLE_TEXT_LIMIT = 4000;
  private static final Set<String> TEXT_TYPES = Set.of("textfield", "textarea");
  private static final Set<String> CHOICE_TYPES = Set.of("radio", "select");

  private final Map<String, List<JsonNode>> fieldsByForm;

  private FormSchemas(Map<String, List<JsonNode>> fieldsByForm) {
    this.fieldsByForm = fieldsByForm;
  }

  /** Reads every form on the classpath. */
  public static FormSchemas load() {
    ObjectMapper json = new ObjectMapper();
    Map<String, List<JsonNode>> fields = new HashMap<>();
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
        try (InputStream in = resource.getInputStream()) {
          JsonNode form = json.readTree(in);
          List<JsonNode> keyed = new ArrayList<>();
          collectKeyed(form.path("components"), keyed);
          fields.put(form.path("id").asText(), keyed);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the forms in " + LOCATION, e);
    }
    return new FormSchemas(fields);
  }

  private static void collectKeyed(JsonNode components, List<JsonNode> into) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        into.add(component);
      }
      collectKeyed(component.path("components"), into);
    }
  }

  /**
   * The problems of the submitted values, in Vietnamese, one per field; empty when valid.
   *
   * @param values variable name to value, as the engine holds them
   */
  public List<String> problems(String formId, Map<String, Object> values) {
    List<JsonNode> fields = fieldsByForm.get(formId);
    if (fields == null) {
      throw new IllegalArgumentException("No form with id " + formId);
    }
    List<String> problems = new ArrayList<>();
    for (JsonNode field : fields) {
      String problem = problem(field, values.get(field.get("key").asText()));
      if (problem != null) {
        problems.add(problem);
      }
    }
    return problems;
  }

  private static String problem(JsonNode field, Object value) {
    String label = "«" + label(field) + "»";
    JsonNode rules = field.path("validate");
    String type = field.path("type").asText();
    if (value == null || value.toString().isBlank()) {
      return rules.path("required").asBoolean(false) ? "chưa nhập " + label : null;
    }
    if (TEXT_TYPES.contains(type)) {
      return textProblem(label, rules, value.toString());
    }
    if ("number".equals(type)) {
      return numberProblem(label, rules, value);
    }
    if ("datetime".equals(type)) {
      try {
        VietnamTime.parse(value);
        return null;
      } catch (IllegalArgumentException e) {
        return label + " không phải là ngày hợp lệ: ghi ngày theo dạng ngày/tháng/năm (15/07/2024), "
            + "hoặc ngày giờ (15/07/2024 08:00)";
      }
    }
    if (CHOICE_TYPES.contains(type)) {
      for (JsonNode option : field.path("values")) {
        if (option.path("value").asText().equals(value.toString())) {
          return null;
        }
      }
      return label + " phải là một trong các lựa chọn của biểu mẫu";
    }
    return null;
  }

  private static String textProblem(String label, JsonNode rules, String text) {
    int max = rules.path("maxLength").asInt(VARIABLE_TEXT_LIMIT);
    if (text.length() > max) {
      return label + " dài quá " + max + " ký tự";
    }
    if (text.strip().length() < rules.path("minLength").asInt(0)) {
      return label + " phải có ít nhất " + rules.get("minLength").asInt() + " ký tự";
    }
    if (rules.hasNonNull("pattern") && !Pattern.matches(rules.get("pattern").asText(), text)) {
      return label + " không đúng định dạng";
    }
    return null;
  }

  private static String numberProblem(String label, JsonNode rules, Object value) {
    BigDecimal number;
    try {
      number = new BigDecimal(value.toString().strip());
    } catch (NumberFormatException e) {
      return label + " phải là số";
    }
    if (rules.has("min") && number.compareTo(rules.get("min").decimalValue()) < 0) {
      return label + " không được nhỏ hơn " + rules.get("min").asText();
    }
    if (rules.has("max") && number.compareTo(rules.get("max").decimalValue()) > 0) {
      return label + " không được lớn hơn " + rules.get("max").asText();
    }
    return null;
  }

  /** The label users read for a field of a form, e.g. for a problem that names it. */
  public String label(String formId, String key) {
    return fieldsByForm.getOrDefault(formId, List.of()).stream().filter(f -> key.equals(f.path("key").asText()))
        .findFirst().map(FormSchemas::label).orElse(key);
  }

  /** The variables each form declares, by form id: its keyed components and their kinds. */
  Map<String, DeclaredFields> declarations() {
    Map<String, DeclaredFields> declared = new HashMap<>();
    fieldsByForm.forEach((form, fields) -> {
      Map<String, FieldKind> kinds = new java.util.LinkedHashMap<>();
      for (JsonNode field : fields) {
        FieldKind kind = FieldKind.ofComponent(field.path("type").asText());
        if (kind == null) {
          throw new IllegalStateException("Form " + form + ": field " + field.get("key").asText() + " has type "
              + field.path("type").asText() + ", which the server cannot check");
        }
        kinds.put(field.get("key").asText(), kind);
      }
      declared.put(form, new DeclaredFields(form, kinds));
    });
    return declared;
  }

  private static String label(JsonNode field) {
    for (String name : List.of("label", "dateLabel", "key")) {
      if (field.hasNonNull(name) && !field.get(name).asText().isBlank()) {
        return field.get(name).asText();
      }
    }
    return "?";
  }
}
