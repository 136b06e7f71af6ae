import type { Brackets } from '../../../parsers/code/brackets.js';
import { type Argument, callArguments, keywordArgumentsIn, literalArgument, positionalArgumentsIn } from '../../../parsers/code/call-arguments.js';
import type { MaskedSource } from '../../../parsers/code/masked-source.js';

/** A migration file as the operation readers see it: the masked text and its brackets. */
export interface OperationSource {
  masked: MaskedSource;
  brackets: Brackets;
}

/**
 * The arguments of the call opened at `paren` by parameter name: positional ones in `signature`
 * order, keywords by their own name (`AddField("order", "status", ...)` and
 * `AddField(model_name="order", name="status", ...)` read the same).
 */
export function namedArguments(source: OperationSource, paren: number, signature: readonly string[]): Map<string, Argument> {
  const args = callArguments(source.masked.code, source.brackets, paren);
  const named = new Map<string, Argument>();
  positionalArgumentsIn(source.masked.code, args).forEach((arg, index) => {
    const name = signature[index];
    if (name !== undefined) named.set(name, arg);
  });
  for (const [name, arg] of keywordArgumentsIn(source.masked.code, args)) named.set(name, arg);
  return named;
}

export function literalIn(source: OperationSource, argument: Argument | undefined): string | undefined {
  return argument ? literalArgument(source.masked, argument) : undefined;
}

/** The elements of a list or tuple argument (`[("id", ...), ("title", ...)]`); undefined when it is not a literal list. */
export function listElements(source: OperationSource, argument: Argument | undefined): Argument[] | undefined {
  if (!argument) return undefined;
  const open = source.masked.code.charCodeAt(argument.start);
  if (open !== 91 && open !== 40) return undefined;
  return callArguments(source.masked.code, source.brackets, argument.start);
}

/** `("title", models.CharField(...))`: the tuple's first element when it is a string literal. */
export function tupleHeadLiteral(source: OperationSource, element: Argument): string | undefined {
  return literalIn(source, listElements(source, element)?.[0]);
}
