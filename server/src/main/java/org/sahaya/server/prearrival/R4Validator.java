package org.sahaya.server.prearrival;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationResult;
import io.vertx.core.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.sahaya.core.log.Redacted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HAPI's instance validator against the FHIR R4 core specification (structure definitions, invariants, the
 * code systems and value sets shipped with R4), built once per process and shared: every pre-arrival Bundle
 * passes it before it is sent, and the test FHIR server refuses with it what would not.
 *
 * <p>It is slow to make ready (the first validation loads every R4 definition, seconds of CPU), so
 * {@link #warm()} does that when the node starts, and {@link #check} refuses to run on an event loop. Both run
 * on the validator's own platform thread, never on a virtual thread's carrier (see {@link #check}).
 */
public final class R4Validator {

    private static final Logger LOG = LoggerFactory.getLogger(R4Validator.class);
    private static final R4Validator SHARED = new R4Validator();

    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "sahaya-fhir-validator");
        thread.setDaemon(true);
        return thread;
    });
    private volatile FhirValidator validator;
    private volatile Future<?> warming;

    private R4Validator() {
    }

    /** The process's validator: one for the node (and for every node and test server in a test JVM). */
    public static R4Validator shared() {
        return SHARED;
    }

    /** One error of a refused Bundle: where, and HAPI's message id (never the message: it may quote the data). */
    public record Issue(String location, String messageId) {
    }

    /** The validator's answer: errors (and fatal errors) only; warnings and information do not refuse a Bundle. */
    public record Verdict(List<Issue> errors) {

        public Verdict {
            errors = List.copyOf(errors);
        }

        public boolean valid() {
            return errors.isEmpty();
        }

        /** Where the errors are, for a log line: locations and message ids only, no values. */
        public String summary() {
            return errors.stream().map(i -> i.location() + " (" + i.messageId() + ")").limit(10)
                    .reduce((a, b) -> a + "; " + b).orElse("none");
        }
    }

    /** Makes the validator ready on its own thread, once; returns at once. */
    public void warm() {
        synchronized (this) {
            if (warming == null) {
                warming = worker.submit(this::warmNow);
            }
        }
    }

    /** Waits until {@link #warm()} finished, at most {@code limit}; for tests and measurements. */
    public boolean awaitWarm(Duration limit) throws InterruptedException {
        Future<?> warm = warming;
        if (warm == null) {
            return true;
        }
        try {
            warm.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            return true; // logged by the warm-up itself
        } catch (TimeoutException e) {
            return false;
        }
    }

    /**
     * Validates {@code resource} against R4. The work runs on the validator's own platform thread, queued behind
     * the warm-up: it is CPU-bound (tens of ms, seconds the first time), and on a virtual thread it would hold a
     * carrier the node's other virtual threads need. The caller waits (a virtual thread waits unmounted); never
     * call it on an event loop.
     */
    public Verdict check(IBaseResource resource) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("FHIR validation blocks: run it on a virtual thread, not an event loop");
        }
        try {
            return worker.submit(() -> verdict(resource)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while validating a FHIR resource", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private Verdict verdict(IBaseResource resource) {
        ValidationResult result = validator().validateWithResult(resource);
        return new Verdict(result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(m -> new Issue(Optional.ofNullable(m.getLocationString()).orElse("?"),
                        Optional.ofNullable(m.getMessageId()).orElse("?")))
                .toList());
    }

    /** HAPI's validator, built on first use (blocking; cheap once {@link #warm()} has run). */
    public FhirValidator validator() {
        FhirValidator ready = validator;
        if (ready == null) {
            synchronized (this) {
                ready = validator;
                if (ready == null) {
                    ready = build(PreArrivalBundle.context());
                    validator = ready;
                }
            }
        }
        return ready;
    }

    private static FhirValidator build(FhirContext context) {
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context),
                new SnapshotGeneratingValidationSupport(context));
        FhirValidator validator = context.newValidator();
        validator.setValidateAgainstStandardSchema(false);
        validator.setValidateAgainstStandardSchematron(false);
        validator.registerValidatorModule(new FhirInstanceValidator(chain));
        return validator;
    }

    private void warmNow() {
        try {
            Instant start = Instant.now();
            validator();
            Instant built = Instant.now();
            // The first validation loads the R4 definitions: do it now with a Bundle of no one.
            verdict(PreArrivalBundle.of(WarmUp.facts()));
            LOG.info("FHIR R4 validator ready: built in {} ms, first validation in {} ms",
                    Duration.between(start, built).toMillis(), Duration.between(built, Instant.now()).toMillis());
        } catch (RuntimeException e) {
            LOG.error("FHIR R4 validator could not be made ready; pre-arrival notices will try again", Redacted.of(e));
        }
    }

    /** The notice the validator warms up with: made-up data. */
    private static final class WarmUp {
        static NoticeFacts facts() {
            return new NoticeFacts("INC-WARM-UP", "P1", "FALL",
                    new NoticeFacts.Patient("S-WARM-UP", "Warm Up", "1 Test Road", "en"), "H-WARM-UP", "Warm-up Hospital",
                    Instant.EPOCH, NoticeStatus.PLANNED, Optional.of(new NoticeFacts.Clinical(List.of("Asthma"),
                    List.of("Penicillin"), List.of(new NoticeFacts.Medication("Salbutamol", "2 puffs")))));
        }
    }
}
