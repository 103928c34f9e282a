package vn.nghean.review.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Links into Tasklist, and to the application's other pages, for the mails. */
@Component
public class TasklistLinks {

  private final String baseUrl;

  public TasklistLinks(@Value("${review.base-url}") String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  public String tasklist() {
    return baseUrl + "/camunda/app/tasklist/default/";
  }

  public String task(String taskId) {
    return tasklist() + "#/?task=" + taskId;
  }

  /** A page of the application outside the webapps, by its path ({@code /tai-khoan/...}). */
  public String page(String path) {
    return baseUrl + path;
  }
}
