package vn.nghean.review.system;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A cap on every request body of the APIs, enforced before it is read: a declared length over the cap
 * is answered 413 at once, and a body without one (chunked) is cut off when it passes the cap, so
 * that no caller can make the application hold 50 MB of JSON in memory. Uploads (multipart) have a
 * cap of their own, the signed report's 10 MB and the form around it.
 */
class RequestSizeLimit extends OncePerRequestFilter {

  private final long maxBody;
  private final long maxUpload;

  RequestSizeLimit(long maxBody, long maxUpload) {
    this.maxBody = maxBody;
    this.maxUpload = maxUpload;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String type = request.getContentType();
    long cap = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/") ? maxUpload : maxBody;
    if (request.getContentLengthLong() > cap) {
      tooLarge(response, cap);
      return;
    }
    Answered answered = new Answered(response);
    Capped capped = new Capped(request, cap, () -> answered.tooLarge(cap));
    try {
      chain.doFilter(capped, answered);
    } catch (IOException | ServletException | RuntimeException e) {
      if (!capped.exceeded) {
        throw e;
      }
    }
  }

  private static void tooLarge(HttpServletResponse response, long cap) throws IOException {
    response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
    response.setHeader("Connection", "close");
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write("{\"status\":413,\"message\":\"Nội dung gửi lên lớn quá " + (cap / (1024 * 1024))
        + " MB.\",\"problems\":[]}");
  }

  /**
   * The response, answered 413 the moment the body passes the cap: whatever the reader of the body
   * then makes of its failure (Jersey answers 400) no longer reaches the caller.
   */
  private static final class Answered extends HttpServletResponseWrapper {

    private boolean tooLarge;

    Answered(HttpServletResponse response) {
      super(response);
    }

    void tooLarge(long cap) throws IOException {
      tooLarge = true;
      HttpServletResponse response = (HttpServletResponse) getResponse();
      if (!response.isCommitted()) {
        response.reset();
        RequestSizeLimit.tooLarge(response, cap);
        response.flushBuffer();
      }
    }

    @Override
    public void setStatus(int status) {
      if (!tooLarge) {
        super.setStatus(status);
      }
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      if (!tooLarge) {
        super.sendError(status, message);
      }
    }

    @Override
    public void sendError(int status) throws IOException {
      if (!tooLarge) {
        super.sendError(status);
      }
    }

    @Override
    public void setHeader(String name, String value) {
      if (!tooLarge) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!tooLarge) {
        super.addHeader(name, value);
      }
    }

    @Override
    public void setContentType(String type) {
      if (!tooLarge) {
        super.setContentType(type);
      }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      return tooLarge ? Discarded.INSTANCE : super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      return tooLarge ? new PrintWriter(Discarded.INSTANCE) : super.getWriter();
    }
  }

  /** Where what is written after the 413 goes. */
  private static final class Discarded extends ServletOutputStream {

    static final Discarded INSTANCE = new Discarded();

    @Override
    public void write(int b) {
      // the caller has had its answer
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      // nothing is ever waited for
    }
  }

  /** The request, whose body reads no further than the cap. */
  private static final class Capped extends HttpServletRequestWrapper {

    private final long cap;
    private final Exceeded onExceeded;
    private long read;
    private boolean exceeded;
    private ServletInputStream stream;

    Capped(HttpServletRequest request, long cap, Exceeded onExceeded) {
      super(request);
      this.cap = cap;
      this.onExceeded = onExceeded;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream body = super.getInputStream();
        stream = new ServletInputStream() {
          @Override
          public int read() throws IOException {
            int b = body.read();
            count(b < 0 ? 0 : 1);
            return b;
          }

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
          }

          @Override
          public boolean isFinished() {
            return body.isFinished();
          }

          @Override
          public boolean isReady() {
            return body.isReady();
          }

          @Override
          public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
          }
        };
      }
      return stream;
    }

    private void count(int n) throws IOException {
      read += n;
      if (read > cap) {
        if (!exceeded) {
          exceeded = true;
          onExceeded.answer();
        }
        throw new IOException("Request body larger than " + cap + " bytes");
      }
    }
  }

  @FunctionalInterface
  private interface Exceeded {
    void answer() throws IOException;
  }
}
