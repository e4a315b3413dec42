package eu.interlink.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;

import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.interlink.kernel.service.ConfigurationStatus;
import eu.interlink.kernel.service.SettingException;
import eu.interlink.kernel.service.Settings;

/**
 * Sends e-mails through the SMTP server of {@code etc/eu.interlink.mail.cfg}, off unless {@code enabled = true}.
 * Each e-mail is queued and sent on this component's own thread, so no request or event waits for a mail
 * server; a failure is logged and retried after 2, 10 and 60 seconds, then given up.
 */
@Component(service = Mailer.class, configurationPid = Mailer.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class Mailer {
    static final String PID = "eu.interlink.mail";
    private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);
    private static final Set<String> KEYS = Set.of("enabled", "host", "port", "from", "platform.name", "base.url", "timeout.ms");
    private static final long[] RETRY_SECONDS = {2, 10, 60};

    /** What one configuration says. */
    record Config(boolean enabled, String host, int port, String from, String platformName, String baseUrl, int timeoutMs) {
        Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("enabled", enabled);
            m.put("host", host);
            m.put("port", port);
            m.put("from", from);
            m.put("platform.name", platformName);
            m.put("base.url", baseUrl);
            m.put("timeout.ms", timeoutMs);
            return m;
        }
    }

    static final Config OFF = new Config(false, "localhost", 25, "interlink@localhost", "Interlink", "", 10_000);

    @Reference
    private ConfigurationStatus status;

    private volatile Config config = OFF;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private ScheduledExecutorService sender;

    @Activate
    void activate(Map<String, Object> properties) {
        sender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "interlink-mail");
            t.setDaemon(true);
            return t;
        });
        configure(properties);
    }

    @Modified
    void configure(Map<String, Object> properties) {
        try {
            config = read(properties);
            status.applied(PID, config.describe());
        } catch (SettingException refused) {
            status.refused(PID, refused, config.describe());
        }
    }

    static Config read(Map<String, Object> properties) {
        Settings s = Settings.of(properties);
        s.refuseUnknown(KEYS);
        String enabled = s.text("enabled", "false").toLowerCase(java.util.Locale.ROOT);
        if (!enabled.equals("true") && !enabled.equals("false")) throw new SettingException("enabled", "enabled must be true or false, not '" + Settings.shown(enabled) + "'");
        String host = s.text("host", OFF.host());
        int port = s.intIn("port", OFF.port(), 1, 65535);
        String from = s.text("from", OFF.from());
        try {
            new InternetAddress(from, true);
        } catch (MessagingException bad) {
            throw new SettingException("from", "from must be an e-mail address, not '" + Settings.shown(from) + "'");
        }
        String baseUrl = s.text("base.url", "");
        if (!baseUrl.isEmpty() && !baseUrl.matches("https?://[^\\s]+")) {
            throw new SettingException("base.url", "base.url must be an http or https URL, not '" + Settings.shown(baseUrl) + "'");
        }
        while (baseUrl.endsWith("/")) baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        return new Config(enabled.equals("true"), host, port, from, s.text("platform.name", OFF.platformName()), baseUrl, s.intIn("timeout.ms", OFF.timeoutMs(), 100, 600_000));
    }

    @Deactivate
    void deactivate() {
        sender.shutdownNow();
    }

    Config config() {
        return config;
    }

    /** Queues an e-mail; returns at once. Nothing happens while mail is off. */
    void send(String to, String subject, String body) {
        if (!config.enabled()) return;
        sender.execute(() -> attempt(to, subject, body, 0));
    }

    private void attempt(String to, String subject, String body, int failures) {
        Config c = config;
        if (!c.enabled()) return;
        try {
            deliver(c, to, subject, body);
            sent.incrementAndGet();
        } catch (MessagingException | RuntimeException e) {
            if (failures < RETRY_SECONDS.length) {
                LOG.warn("Could not send an e-mail to {} through {}:{} ({}); retrying in {} s", to, c.host(), c.port(), e.toString(), RETRY_SECONDS[failures]);
                sender.schedule(() -> attempt(to, subject, body, failures + 1), RETRY_SECONDS[failures], TimeUnit.SECONDS);
            } else {
                failed.incrementAndGet();
                LOG.error("Gave up sending an e-mail to {} through {}:{} after {} attempts", to, c.host(), c.port(), failures + 1, e);
            }
        }
    }

    private static void deliver(Config c, String to, String subject, String body) throws MessagingException {
        // Jakarta Mail finds its implementation (stream encoders, providers) through the thread's context class
        // loader; in OSGi that must be Angus Mail's, which sees its own service files.
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(SMTPTransport.class.getClassLoader());
        try {
            Properties p = new Properties();
            p.put("mail.smtp.host", c.host());
            p.put("mail.smtp.port", String.valueOf(c.port()));
            p.put("mail.smtp.connectiontimeout", String.valueOf(c.timeoutMs()));
            p.put("mail.smtp.timeout", String.valueOf(c.timeoutMs()));
            p.put("mail.smtp.writetimeout", String.valueOf(c.timeoutMs()));
            Session session = Session.getInstance(p);
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(c.from()));
            message.setRecipients(Message.RecipientType.TO, List.of(new InternetAddress(to, true)).toArray(new InternetAddress[0]));
            message.setSubject(subject, "UTF-8");
            message.setSentDate(java.util.Date.from(Instant.now()));
            // A data source, not setText: plain bytes need no content handler from the activation framework.
            message.setDataHandler(new DataHandler(new ByteArrayDataSource(body.getBytes(StandardCharsets.UTF_8), "text/plain; charset=UTF-8")));
            message.saveChanges();
            // The SMTP transport made directly: Session.getTransport would look providers up by service files too.
            SMTPTransport transport = new SMTPTransport(session, new URLName("smtp", c.host(), c.port(), null, null, null));
            try {
                transport.connect();
                transport.sendMessage(message, message.getAllRecipients());
            } finally {
                transport.close();
            }
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    long sentCount() {
        return sent.get();
    }

    long failedCount() {
        return failed.get();
    }
}
