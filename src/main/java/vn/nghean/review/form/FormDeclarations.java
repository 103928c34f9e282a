package vn.nghean.review.form;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import vn.nghean.review.engine.guard.DeclaredForms;

/**
 * Which variables each step's form declares: the Camunda Forms of {@code processes/forms} by their
 * keyed components, the embedded forms by their {@code cam-variable-name} inputs. Read once.
 */
public final class FormDeclarations implements DeclaredForms {

  static final String EMBEDDED_LOCATION = "classpath*:static/forms/*.html";
  static final String EMBEDDED_PREFIX = "embedded:";
  private static final Pattern TAG = Pattern.compile("<[^>]*\\bcam-variable-name=\"([^\"]+)\"[^>]*>");
  private static final Pattern TYPE = Pattern.compile("\\bcam-variable-type=\"([^\"]+)\"");

  private final Map<String, DeclaredFields> camundaForms;
  private final Map<String, DeclaredFields> embeddedForms;

  private FormDeclarations(Map<String, DeclaredFields> camundaForms, Map<String, DeclaredFields> embeddedForms) {
    this.camundaForms = camundaForms;
    this.embeddedForms = embeddedForms;
  }

  /** Reads every form on the classpath. */
  public static FormDeclarations load(FormSchemas schemas) {
    Map<String, DeclaredFields> embedded = new HashMap<>();
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources(EMBEDDED_LOCATION)) {
        try (InputStream in = resource.getInputStream()) {
          String path = "/forms/" + resource.getFilename();
          embedded.put(path, embedded(path, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the embedded forms in " + EMBEDDED_LOCATION, e);
    }
    return new FormDeclarations(schemas.declarations(), embedded);
  }

  static DeclaredFields embedded(String path, String html) {
    Map<String, FieldKind> fields = new LinkedHashMap<>();
    Matcher tag = TAG.matcher(html);
    while (tag.find()) {
      Matcher type = TYPE.matcher(tag.group());
      fields.put(tag.group(1), FieldKind.ofVariableType(type.find() ? type.group(1) : "String"));
    }
    return new DeclaredFields(path, fields);
  }

  @Override
  public List<String> problems(BaseElement element, Map<String, ?> submitted) {
    if (element instanceof UserTask task) {
      return of(task).problems(submitted);
    }
    return element instanceof StartEvent start ? of(start).problems(submitted) : List.of();
  }

  /** What the user task's form declares; {@link DeclaredFields#NONE} when it has no form. */
  public DeclaredFields of(UserTask task) {
    return declared(task, task.getCamundaFormRef(), task.getCamundaFormKey());
  }

  /** What the start event's form declares; {@link DeclaredFields#NONE} when it has no form. */
  public DeclaredFields of(StartEvent start) {
    return declared(start, start.getCamundaFormRef(), start.getCamundaFormKey());
  }

  /** Whether the start event has a form: only then may a person start the process with values. */
  public static boolean hasForm(StartEvent start) {
    return start.getCamundaFormRef() != null || start.getCamundaFormKey() != null;
  }

  private DeclaredFields declared(BaseElement element, String formRef, String formKey) {
    DeclaredFields declared = null;
    if (formRef != null) {
      declared = camundaForms.get(formRef);
    } else if (formKey != null) {
      declared = embeddedForms.get(formKey.startsWith(EMBEDDED_PREFIX) ? formKey.substring(EMBEDDED_PREFIX.length())
          : formKey);
    } else {
      return DeclaredFields.NONE;
    }
    if (declared == null) {
      throw new IllegalStateException("The form of " + element.getId() + " is not in the application: "
          + (formRef != null ? formRef : formKey));
    }
    return declared;
  }
}
