package vn.nghean.review.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Links into Tasklist for the mails. */
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
}
