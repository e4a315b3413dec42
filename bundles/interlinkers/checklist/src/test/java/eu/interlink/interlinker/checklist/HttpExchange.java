package eu.interlink.interlinker.checklist;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One request to the servlet and its answer, without a container: the servlet API's interfaces are too wide to
 * implement by hand, so proxies answer the few methods the servlet calls and fail loudly on any other.
 */
final class HttpExchange {
    static final String SERVLET_PATH = "/interlinkers/checklist";

    private final String method;
    private final String pathInfo;
    private String query;
    private byte[] body = new byte[0];
    private final Map<String, String> requestHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final List<Locale> locales = new ArrayList<>();

    int status = 200;
    final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private HttpExchange(String method, String pathInfo) {
        this.method = method;
        this.pathInfo = pathInfo;
    }

    static HttpExchange request(String method, String pathInfo) {
        return new HttpExchange(method, pathInfo);
    }

    HttpExchange query(String query) {
        this.query = query;
        return this;
    }

    HttpExchange header(String name, String value) {
        requestHeaders.put(name, value);
        return this;
    }

    HttpExchange json(String json) {
        requestHeaders.put("Content-Type", "application/json");
        body = json.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    HttpExchange body(String contentType, String text) {
        requestHeaders.put("Content-Type", contentType);
        body = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** Accept-Language, already parsed and sorted as a container would. */
    HttpExchange acceptLanguages(Locale... preferred) {
        Collections.addAll(locales, preferred);
        return this;
    }

    HttpExchange sendTo(ChecklistServlet servlet) throws Exception {
        servlet.service(request(), response());
        return this;
    }

    String text() {
        return out.toString(StandardCharsets.UTF_8);
    }

    JsonNode jsonBody() throws IOException {
        return Checklist.JSON.readTree(out.toByteArray());
    }

    String contentType() {
        return headers.get("Content-Type");
    }

    private HttpServletRequest request() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        ServletInputStream stream = new ServletInputStream() {
            @Override public int read() { return in.read(); }
            @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
            @Override public boolean isFinished() { return in.available() == 0; }
            @Override public boolean isReady() { return true; }
            @Override public void setReadListener(ReadListener l) { throw new UnsupportedOperationException(); }
        };
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("getMethod", method);
        answers.put("getPathInfo", pathInfo);
        answers.put("getQueryString", query);
        answers.put("getContextPath", "");
        answers.put("getServletPath", SERVLET_PATH);
        answers.put("getRequestURI", SERVLET_PATH + pathInfo);
        answers.put("getContentType", requestHeaders.get("Content-Type"));
        answers.put("getContentLengthLong", (long) body.length);
        answers.put("getInputStream", stream);
        answers.put("getUserPrincipal", null);
        answers.put("getLocales", Collections.enumeration(locales.isEmpty() ? List.of(Locale.getDefault()) : locales));
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> {
                    if (m.getName().equals("getHeader")) {
                        return requestHeaders.get((String) args[0]);
                    }
                    if (answers.containsKey(m.getName())) {
                        return answers.get(m.getName());
                    }
                    throw new UnsupportedOperationException("request." + m.getName());
                });
    }

    private HttpServletResponse response() {
        ServletOutputStream stream = new ServletOutputStream() {
            @Override public void write(int b) { out.write(b); }
            @Override public boolean isReady() { return true; }
            @Override public void setWriteListener(WriteListener l) { throw new UnsupportedOperationException(); }
        };
        String[] contentType = {null};
        String[] encoding = {null};
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "setStatus" -> status = (Integer) args[0];
                        case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                        case "setContentType" -> contentType[0] = (String) args[0];
                        case "setCharacterEncoding" -> encoding[0] = (String) args[0];
                        case "getOutputStream" -> { return stream; }
                        case "getWriter" -> { return new PrintWriter(stream, true, StandardCharsets.UTF_8); }
                        case "isCommitted" -> { return false; }
                        case "resetBuffer" -> out.reset();
                        default -> throw new UnsupportedOperationException("response." + m.getName());
                    }
                    if (contentType[0] != null) {
                        headers.put("Content-Type", contentType[0] + (encoding[0] != null ? ";charset=" + encoding[0] : ""));
                    }
                    return null;
                });
    }
}
