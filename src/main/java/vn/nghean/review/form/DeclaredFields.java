package vn.nghean.review.form;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The variables one form declares: the only ones a submission of that form may set, each of its
 * kind. Anything else a caller sends (a deadline, a unit code, a variable named like a bean) is
 * refused before it is stored (design section 9).
 */
public final class DeclaredFields {

  /** What a step with no form accepts: nothing. */
  public static final DeclaredFields NONE = new DeclaredFields("(không có biểu mẫu)", Map.of());

  private final String form;
  private final Map<String, FieldKind> fields;

  DeclaredFields(String form, Map<String, FieldKind> fields) {
    this.form = form;
    this.fields = Collections.unmodifiableMap(fields);
  }

  public String form() {
    return form;
  }

  public boolean declares(String name) {
    return fields.containsKey(name);
  }

  /** The problems of a submission, in Vietnamese, one per variable; empty when it may be stored. */
  public List<String> problems(Map<String, ?> submitted) {
    List<String> problems = new ArrayList<>();
    if (submitted == null) {
      return problems;
    }
    for (String name : submitted.keySet()) {
      FieldKind kind = fields.get(name);
      Object value = submitted instanceof VariableMap typed ? typed.getValueTyped(name) : submitted.get(name);
      if (kind == null) {
        problems.add("biểu mẫu không có trường «" + name + "»: không được gửi giá trị này");
      } else if (!kind.accepts(value)) {
        problems.add("trường «" + name + "» phải là " + kind.label());
      }
    }
    return problems;
  }
}
