package vn.nghean.review.gate;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The path a request's servlet serves: its servlet path and path info, as the container decoded and
 * normalised them. The gate judges this path, never the raw URI; its firewall ({@link PlainPaths})
 * refuses every request whose raw URI says something else.
 */
final class ServedPath {

  private ServedPath() {}

  static String of(HttpServletRequest request) {
    String info = request.getPathInfo();
    return info == null ? request.getServletPath() : request.getServletPath() + info;
  }
}
