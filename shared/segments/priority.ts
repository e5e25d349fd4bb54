/**
 * Priorities for segments put in a new order (first wins): the values they already had, handed out from the highest
 * down, made strictly decreasing (a tie would leave the order to creation time) and kept within 0…10,000.
 */
export function reorderedPriorities(current: ReadonlyArray<{ id: string; priority: number }>, order: readonly string[]): Map<string, number> {
  const values = current.map((s) => s.priority).sort((a, b) => b - a);
  const priorities = order.map((_, i) => values[i]!);
  for (let i = priorities.length - 2; i >= 0; i--) priorities[i] = Math.max(priorities[i]!, priorities[i + 1]! + 1);
  const overflow = priorities[0]! - 10_000;
  return new Map(order.map((id, i) => [id, overflow > 0 ? Math.max(priorities[i]! - overflow, priorities.length - 1 - i) : priorities[i]!]));
}
