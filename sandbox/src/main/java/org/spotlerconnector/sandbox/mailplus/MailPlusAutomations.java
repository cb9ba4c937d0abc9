package org.spotlerconnector.sandbox.mailplus;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The automations of the emulated account and their runs (ADR 0003): what the trigger and stop calls act on, and what
 * tests, seeds and the demo read and arrange in-process. Every trigger call is recorded, whatever its outcome, so that
 * a test can tell one call from two.
 *
 * <p>Thread-safe; each operation is atomic.
 */
public final class MailPlusAutomations {
  private final Clock clock;
  private final Predicate<String> contactExists;
  private final Map<String, Automation> automations = new LinkedHashMap<>();
  private final Map<String, AutomationRun> runs = new LinkedHashMap<>();
  private final List<TriggerCall> calls = new ArrayList<>();

  /** The answer of {@code POST /automation/trigger/{triggerCode}}: status, {@code result}, per-automation results. */
  record TriggerOutcome(int status, String result, List<AutomationResult> automationResults) {}

  /** One {@code AutomationTriggerValidationResult}; {@code automationContactId} only when it started. */
  record AutomationResult(String automationId, String result, String automationContactId) {}

  MailPlusAutomations(Clock clock, Predicate<String> contactExists) {
    this.clock = clock;
    this.contactExists = contactExists;
  }

  /** Adds an automation, or replaces the one with the same id (its runs stay). */
  public synchronized Automation addAutomation(Automation automation) {
    automations.put(key(automation.id()), automation);
    return automation;
  }

  /** Every automation, in the order they were first added. */
  public synchronized List<Automation> all() {
    return List.copyOf(automations.values());
  }

  public synchronized Optional<Automation> automation(String id) {
    return Optional.ofNullable(automations.get(key(id)));
  }

  /** Every run, oldest first. */
  public synchronized List<AutomationRun> runs() {
    return List.copyOf(runs.values());
  }

  /** The runs of one contact, oldest first. */
  public synchronized List<AutomationRun> runsOf(String externalContactId) {
    return runs.values().stream().filter(r -> r.externalContactId().equals(externalContactId)).toList();
  }

  public synchronized Optional<AutomationRun> run(String automationContactId) {
    return Optional.ofNullable(runs.get(automationContactId));
  }

  /**
   * Lets a run reach its end, as a contact that went through every step.
   *
   * @throws NoSuchElementException when there is no such run
   * @throws IllegalStateException when it already ended
   */
  public synchronized AutomationRun finishRun(String automationContactId) {
    AutomationRun run = runs.get(automationContactId);
    if (run == null) {
      throw new NoSuchElementException("no run " + automationContactId);
    }
    if (!run.running()) {
      throw new IllegalStateException("run " + automationContactId + " already ended as " + run.status());
    }
    return replace(run.ended(RunStatus.FINISHED, clock.instant()));
  }

  /** Every call of {@code POST /automation/trigger/{triggerCode}}, in order, including refused ones. */
  public synchronized List<TriggerCall> triggerCalls() {
    return List.copyOf(calls);
  }

  /** The trigger calls made for one contact. */
  public synchronized List<TriggerCall> triggerCallsFor(String externalContactId) {
    return calls.stream().filter(c -> externalContactId.equals(c.externalContactId())).toList();
  }

  // ---- the API operations ----

  /**
   * {@code POST /automation/trigger/{triggerCode}}: 404 {@code TRIGGER_NOTFOUND} or {@code CONTACT_NOTFOUND}; 400 for
   * fields that do not fit; otherwise a run of every active automation behind the code that the contact may still
   * enter: 200 when one started, else 417 {@code NOT_TRIGGERED}.
   */
  synchronized TriggerOutcome trigger(String triggerCode, TriggerRequest request) {
    String contact = request.externalContactId();
    List<Automation> targets = automations.values().stream().filter(a -> a.hasTrigger(triggerCode)).toList();
    if (targets.isEmpty()) {
      return recorded(triggerCode, contact, new TriggerOutcome(404, "TRIGGER_NOTFOUND", List.of()));
    }
    if (!contactExists.test(contact)) {
      return recorded(triggerCode, contact, new TriggerOutcome(404, "CONTACT_NOTFOUND", List.of()));
    }
    try {
      TriggerFields.checkAgainst(request.fields(), targets);
    } catch (MailPlusException e) {
      recordRefused(triggerCode, contact, e);
      throw e;
    }
    List<AutomationResult> results = new ArrayList<>();
    for (Automation automation : targets) {
      results.add(start(automation, triggerCode, request));
    }
    boolean started = results.stream().anyMatch(r -> r.automationContactId() != null);
    TriggerOutcome outcome =
        started ? new TriggerOutcome(200, "OK", results) : new TriggerOutcome(417, "NOT_TRIGGERED", results);
    return recorded(triggerCode, contact, outcome);
  }

  /** Records a trigger call refused before it reached an automation, such as one with a malformed body. */
  synchronized void recordRefused(String triggerCode, String externalContactId, MailPlusException refusal) {
    calls.add(call(triggerCode, externalContactId, refusal.status(), refusal.errorType().name(), List.of()));
  }

  /**
   * {@code POST /automation/{automationId}/stop}: stops every running run of the automation for the contact; 404
   * {@code RESOURCE_NOT_FOUND} or {@code CONTACT_NOT_FOUND}, 400 {@code INVALID_STATE} when none runs.
   */
  synchronized void stopAll(String automationId, String externalContactId) {
    Automation automation = automations.get(key(automationId));
    if (automation == null) {
      throw new MailPlusException(404, ErrorType.RESOURCE_NOT_FOUND, "Given automation not found");
    }
    if (!contactExists.test(externalContactId)) {
      throw MailPlusException.contactNotFound();
    }
    List<AutomationRun> running =
        runs.values().stream()
            .filter(r -> r.running() && isRunOf(r, automation, externalContactId))
            .toList();
    if (running.isEmpty()) {
      throw new MailPlusException(400, ErrorType.INVALID_STATE, "The contact has no running run of this automation");
    }
    Instant now = clock.instant();
    running.forEach(r -> replace(r.ended(RunStatus.STOPPED, now)));
  }

  /** {@code POST /automation/run/{automationContactId}/stop}: 404 {@code RESOURCE_NOT_FOUND}, 400 once it ended. */
  synchronized void stopRun(String automationContactId) {
    AutomationRun run = runs.get(automationContactId);
    if (run == null) {
      throw new MailPlusException(404, ErrorType.RESOURCE_NOT_FOUND, "Given run not found");
    }
    if (!run.running()) {
      throw new MailPlusException(
          400, ErrorType.INVALID_STATE, "The run already ended (" + run.status().name().toLowerCase(Locale.ROOT) + ")");
    }
    replace(run.ended(RunStatus.STOPPED, clock.instant()));
  }

  synchronized void reset() {
    automations.clear();
    runs.clear();
    calls.clear();
  }

  // ---- internals ----

  private AutomationResult start(Automation automation, String triggerCode, TriggerRequest request) {
    if (!automation.active()) {
      return new AutomationResult(automation.id(), "AUTOMATION_INACTIVE", null);
    }
    if (automation.participationLimit() != null
        && participations(automation, request.externalContactId()) >= automation.participationLimit()) {
      return new AutomationResult(automation.id(), "PARTICIPATION_LIMIT_REACHED", null);
    }
    List<TriggerField> ownFields =
        request.fields().stream()
            .filter(f -> automation.automationFields().stream().anyMatch(d -> d.name().equals(f.name())))
            .toList();
    String runId = "ac-" + UUID.randomUUID();
    String contact = request.externalContactId();
    Instant now = clock.instant();
    runs.put(
        runId, new AutomationRun(runId, automation.id(), contact, triggerCode, now, RunStatus.RUNNING, null, ownFields));
    return new AutomationResult(automation.id(), "OK", runId);
  }

  private long participations(Automation automation, String externalContactId) {
    return runs.values().stream().filter(r -> isRunOf(r, automation, externalContactId)).count();
  }

  private static boolean isRunOf(AutomationRun run, Automation automation, String externalContactId) {
    return run.automationId().equals(automation.id()) && run.externalContactId().equals(externalContactId);
  }

  private TriggerOutcome recorded(String triggerCode, String externalContactId, TriggerOutcome outcome) {
    List<String> runIds =
        outcome.automationResults().stream()
            .map(AutomationResult::automationContactId)
            .filter(Objects::nonNull)
            .toList();
    calls.add(call(triggerCode, externalContactId, outcome.status(), outcome.result(), runIds));
    return outcome;
  }

  private TriggerCall call(
      String triggerCode, String externalContactId, int status, String result, List<String> runIds) {
    long sequence = calls.size() + 1L;
    return new TriggerCall(sequence, clock.instant(), triggerCode, externalContactId, status, result, runIds);
  }

  private AutomationRun replace(AutomationRun run) {
    runs.put(run.automationContactId(), run);
    return run;
  }

  /** Automation ids are UUIDs, which a path may carry in either case. */
  private static String key(String automationId) {
    return automationId.toLowerCase(Locale.ROOT);
  }
}
