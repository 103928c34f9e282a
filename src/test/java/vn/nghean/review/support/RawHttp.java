package vn.nghean.review.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HTTP/1.1 written by hand over a socket: the request line exactly as given (no client normalises or
 * re-encodes it), from a chosen local address of the loopback range (127.0.0.2 is another machine to
 * the server's eyes).
 */
public final class RawHttp {

  public record Answer(int status, Map<String, String> headers, String body) {}

  private final int port;
  private final String localAddress;
  private final Map<String, String> headers = new LinkedHashMap<>();

  public RawHttp(int port, String localAddress) {
    this.port = port;
    this.localAddress = localAddress;
  }

  public RawHttp header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public RawHttp basic(String user, String password) {
    return header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
        .getBytes(StandardCharsets.UTF_8)));
  }

  public Answer send(String method, String rawPath, String jsonBody) {
    return send(method, rawPath, jsonBody == null ? null : "application/json", jsonBody, Map.of());
  }

  public Answer send(String method, String rawPath, String contentType, String body, Map<String, String> extra) {
    byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder request = new StringBuilder(method).append(' ').append(rawPath).append(" HTTP/1.1\r\n")
        .append("Host: localhost:").append(port).append("\r\nConnection: close\r\nAccept: application/json\r\n");
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.putAll(extra);
    all.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
    if (contentType != null) {
      request.append("Content-Type: ").append(contentType).append("\r\n");
    }
    request.append("Content-Length: ").append(payload.length).append("\r\n\r\n");
    try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(localAddress), 0)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(payload);
      out.flush();
      return parse(socket.getInputStream().readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + rawPath, e);
    }
  }

  private static Answer parse(byte[] raw) throws IOException {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(lines[i].substring(0, colon).trim().toLowerCase(), lines[i].substring(colon + 1).trim());
      }
    }
    byte[] body = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = unchunk(new java.io.ByteArrayInputStream(body));
    }
    return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] unchunk(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      StringBuilder size = new StringBuilder();
      int c;
      while ((c = in.read()) != -1 && c != '\n') {
        if (c != '\r') {
          size.append((char) c);
        }
      }
      int length = size.length() == 0 ? 0 : Integer.parseInt(size.toString().split(";")[0].trim(), 16);
      if (length == 0) {
        return out.toByteArray();
      }
      out.write(in.readNBytes(length));
      in.read();
      in.read();
    }
  }
}
