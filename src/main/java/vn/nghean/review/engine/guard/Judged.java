package vn.nghean.review.engine.guard;

import java.util.List;

/** A command that judged its submission before doing anything: what it found wrong, if anything. */
interface Judged {

  /** Empty when the submission was accepted and the command did its work. */
  List<String> problems();
}
