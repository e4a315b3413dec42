package eu.interlink.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.servlet.AsyncContext;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;
import javax.servlet.Servlet;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.interlink.coproduction.Language;
import eu.interlink.identity.Caller;
import eu.interlink.notifications.Notification;
import eu.interlink.notifications.NotificationService;

/**
 * {@code GET /api/v1/me/notifications/stream}: the caller's new notifications as Server-Sent Events
 * ({@code event: notification}, {@code id:} the notification's id, {@code data:} the JSON of the list, with its
 * title in the page's language), for as long as the page keeps it open.
 *
 * <p>Each stream is an asynchronous request written without blocking: what is published for it waits in its own
 * queue and is written as the connection takes it, so a slow page never holds up the thread that publishes or
 * any other page. A page that falls {@link #MAX_QUEUED} events behind is closed (browsers reconnect by themselves
 * and the list has everything). A comment every {@link #HEARTBEAT_SECONDS} seconds keeps proxies and Jetty's idle
 * time-out from closing a quiet stream and finds the ones whose page went away. Stopping the bundle ends every
 * stream cleanly.
 */
@Component(service = Api.class)
@ApiRoute(name = "interlink-api-notification-stream", pattern = "/api/v1/me/notifications/stream")
public class NotificationStreamServlet extends Api {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(NotificationStreamServlet.class);
    static final int MAX_QUEUED = 256;
    static final int HEARTBEAT_SECONDS = 15;

    @Reference
    private transient NotificationService notifications;

    private final transient Set<Stream> open = ConcurrentHashMap.newKeySet();
    private transient ScheduledExecutorService heartbeat;

    @Activate
    void activate() {
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "interlink-notification-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleAtFixedRate(() -> open.forEach(s -> s.offer(": heartbeat\n\n")), HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        heartbeat.shutdownNow();
        for (Stream s : open) s.close();
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        requireGet(request, response);
        Caller caller = Callers.requireSignedIn(request);
        Language language = language(request, response);
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        // Proxies such as nginx would otherwise hold events back to fill their buffers.
        response.setHeader("X-Accel-Buffering", "no");
        if ("HEAD".equals(request.getMethod())) return;
        AsyncContext context = request.startAsync();
        context.setTimeout(0);
        Stream stream = new Stream(context, response.getOutputStream());
        context.addListener(stream);
        open.add(stream);
        stream.subscription = notifications.subscribe(caller.account().name(), n -> stream.offer(event(n, language)));
        response.getOutputStream().setWriteListener(stream);
        // Sent at once, so the page knows it is connected; retry: how long a browser waits before reconnecting.
        stream.offer("retry: 5000\n: connected\n\n");
    }

    private String event(Notification n, Language language) {
        try {
            return "id: " + n.id() + "\nevent: notification\ndata: " + JSON.writeValueAsString(NotificationsServlet.view(notifications, n, language)) + "\n\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many streams are open on this node (for the tests and the logs). */
    int openStreams() {
        return open.size();
    }

    /** One open page: its queue of events not yet written, drained whenever the connection can take more. */
    private final class Stream implements WriteListener, AsyncListener {
        private final AsyncContext context;
        private final ServletOutputStream out;
        private final ConcurrentLinkedQueue<byte[]> queue = new ConcurrentLinkedQueue<>();
        private final AtomicInteger queued = new AtomicInteger();
        private volatile boolean closed;
        private boolean ready;
        private boolean unflushed;
        volatile AutoCloseable subscription;

        Stream(AsyncContext context, ServletOutputStream out) {
            this.context = context;
            this.out = out;
        }

        void offer(String text) {
            if (closed) return;
            if (queued.incrementAndGet() > MAX_QUEUED) {
                LOG.debug("A notification stream fell {} events behind: closed", MAX_QUEUED);
                close();
                return;
            }
            queue.add(text.getBytes(StandardCharsets.UTF_8));
            drain();
        }

        @Override
        public synchronized void onWritePossible() {
            ready = true;
            drain();
        }

        /** Writes what the connection takes now, never waiting: isReady() false means the container calls back. */
        private synchronized void drain() {
            if (!ready || closed) return;
            try {
                while (out.isReady()) {
                    byte[] next = queue.poll();
                    if (next == null) {
                        if (!unflushed) return;
                        unflushed = false;
                        out.flush();
                        continue;
                    }
                    queued.decrementAndGet();
                    out.write(next);
                    unflushed = true;
                }
            } catch (IOException | IllegalStateException gone) {
                close();
            }
        }

        @Override
        public void onError(Throwable t) {
            close();
        }

        @Override
        public void onComplete(AsyncEvent event) {
            close();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            close();
        }

        @Override
        public void onError(AsyncEvent event) {
            close();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // not restarted
        }

        void close() {
            synchronized (this) {
                if (closed) return;
                closed = true;
            }
            open.remove(this);
            AutoCloseable s = subscription;
            if (s != null) {
                try {
                    s.close();
                } catch (Exception ignored) {
                    // only a map entry
                }
            }
            queue.clear();
            try {
                context.complete();
            } catch (IllegalStateException alreadyDone) {
                // completed by the container (the client went away)
            }
        }
    }
}
