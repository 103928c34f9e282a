package vn.nghean.review.deadline;

import java.util.Date;

import org.springframework.stereotype.Component;

import vn.nghean.review.shared.VietnamTime;

/** Due dates of user tasks that are counted from the moment the task is created. */
@Component("taskDates")
public class TaskDates {

  /** {@code ${taskDates.inDays(3)}}: three days from now. */
  public Date inDays(int days) {
    return VietnamTime.plusDays(VietnamTime.now(), days);
  }
}
