/**
 * Gradual rollout of features (Togglz): the checked-in plan (stages, gates), sticky percentage bucketing,
 * the versioned state and append-only history in SQLite, gate metrics per cohort, the operator service
 * and the periodic evaluator that rolls back on failing gates.
 */
package dev.docannotator.rollout;
