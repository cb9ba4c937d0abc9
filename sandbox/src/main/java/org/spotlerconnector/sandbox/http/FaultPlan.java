package org.spotlerconnector.sandbox.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The faults an emulator injects. Rules are tried in order; the first that matches and fires wins. Randomness comes
 * from a seeded generator so a failing test can be replayed.
 */
public final class FaultPlan {
  private final List<ActiveRule> rules = new ArrayList<>();
  private Random random;

  public FaultPlan(long seed) {
    this.random = new Random(seed);
  }

  public synchronized void add(FaultRule rule) {
    rules.add(new ActiveRule(rule));
  }

  public synchronized void replace(List<FaultRule> newRules, Long seed) {
    rules.clear();
    newRules.forEach(r -> rules.add(new ActiveRule(r)));
    if (seed != null) {
      random = new Random(seed);
    }
  }

  public synchronized void clear() {
    rules.clear();
  }

  public synchronized List<FaultRule> rules() {
    return rules.stream().map(r -> r.rule).toList();
  }

  /** Decides whether a fault hits this request; a rule limited to N times fires at most N times. */
  synchronized Optional<FaultRule> pick(HttpRequest request) {
    for (ActiveRule active : rules) {
      FaultRule rule = active.rule;
      if (!rule.matches(request)) {
        continue;
      }
      if (rule.times() != null && active.fired >= rule.times()) {
        continue;
      }
      double p = rule.probability() == null ? 1.0 : rule.probability();
      if (p < 1.0 && random.nextDouble() >= p) {
        continue;
      }
      active.fired++;
      return Optional.of(rule);
    }
    return Optional.empty();
  }

  private static final class ActiveRule {
    final FaultRule rule;
    int fired;

    ActiveRule(FaultRule rule) {
      this.rule = rule;
    }
  }
}
