"""An executor that completes plain reads without graphql-core's per-field machinery.

For each selection set a query meets (an object type and its grouped fields) it makes a plan
(kept for every request running the operation where it has no directive,
schema/operation_plans.py): `__typename` is the type's name; a scalar or enum plain read
(schema/plain_reads.py) is read and coerced directly; an object plain read (a connection's
edges, an edge's node) is read and its selection completed directly, the object type of each
value taken from schema/runtime_types.py. No resolve info, resolver wrapper or completion
dispatch is spent on these; paths are still built, so errors deeper down are located as
graphql-core locates them. Other fields go through graphql-core's execute_field, with the
arguments of a field that names no variable coerced once. A planned list is completed a level
at a time, the objects of one type filled a field at a time (_fill_objects), and fields with a
batch form resolved once a level (schema/batched_fields.py).

Anything unusual goes the standard way, so answers, errors and nulls are exactly those of the
standard executor: a field with arguments or `@stream`/`@defer`, a value that is None where
the type forbids it or does not coerce, a read that raises, a list that is not a list or tuple
or holds a null, a value whose object type is not known by its class. The read is then simply
done again by graphql-core. Errors raised while a planned object's selection completes are
handled at the field and list item as graphql-core handles them. Mutations and subscriptions
are not planned. Rules and checks: docs/executor.md.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from functools import partial
from itertools import islice, repeat
from operator import is_
from typing import Any, cast

from graphql import (
    FieldNode,
    GraphQLField,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    ListValueNode,
    ObjectValueNode,
    OperationType,
    Undefined,
    ValueNode,
    VariableNode,
)
from graphql.error import located_error
from graphql.execution.collect_fields import FieldDetails, FieldDetailsList, GroupedFieldSet
from graphql.execution.executor import to_nodes
from graphql.execution.values import get_argument_values
from graphql.pyutils import Path, gather_with_cancel
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from schema.batched_fields import BatchedField, batched_field
from schema.direct_calls import DirectField, direct_field
from schema.operation_plans import operation_plans
from schema.plain_reads import LeafRead, ObjectRead, plain_read, read_leaf, read_leaves
from schema.runtime_types import NotLearnt, by_runtime_type, learn_runtime_type, runtime_type
from schema.turns import TURN, InTurns

_TYPENAME = 0
_LEAF = 1
_OBJECT = 2
_STANDARD = 3
_BATCHED = 4

Step = tuple[int, str, Any, FieldDetailsList]
Plan = tuple[Step, ...]
PlannedItem = tuple[GraphQLObjectType, tuple[GroupedFieldSet, Plan | None]]

_STANDARD_PATH = object()
"""What a planned object field gives when graphql-core must complete it instead."""

_INCREMENTAL = frozenset({"defer", "stream"})

_new_path = cast(
    Callable[[tuple[Path | None, str | int, str | None]], Path], partial(tuple.__new__, Path)
)
"""Path((prev, key, typename)) without the Python frame of a named tuple's constructor: made for
every object and list item a level fills."""


class PlannedExecutor(StrawberryGraphQLCoreExecutionContext):
    """graphql-core's executor, with plain reads completed directly (see the module's text)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        middleware = self.middleware_manager
        # Mutations and subscriptions are few and small: they keep graphql-core's path whole.
        self._planning = (
            middleware is None or not middleware.middlewares
        ) and self.operation.operation is OperationType.QUERY
        self._plans: dict[int, tuple[GroupedFieldSet, Plan | None]] = {}
        shared = (
            operation_plans(self.operation, self.fragments.values()) if self._planning else None
        )
        self._steps: dict[Any, tuple[GraphQLObjectType, Step]] = (
            {} if shared is None else shared.steps
        )
        """Per parent type, response name and field nodes: the step; shared by the requests
        running this operation where it has no directives (schema/operation_plans.py)."""
        self._arguments: dict[int, tuple[GraphQLField, dict[str, Any] | None, FieldNode]] = (
            {} if shared is None else shared.arguments
        )
        """Per field node written without variables (kept alive beside its id), and its field:
        its arguments coerced once, shared as the steps are."""
        self._variable_arguments: dict[
            int, tuple[GraphQLField, dict[str, Any] | None, FieldNode]
        ] = {}
        """The same for batched fields' arguments, variables and all: once a request."""
        self._converted: dict[
            int, tuple[GraphQLField, dict[str, Any], GraphQLField | None, FieldNode]
        ] = {} if shared is None else shared.converted
        """Per field node called directly (schema/direct_calls.py): its arguments written
        without variables converted for the resolver, and the field with only the arguments
        that name variables (None: none do); shared as the steps are."""
        self._regions: dict[int, Path] = {}
        """The roots of the lists being completed a level at a time, or given up on: an error
        under one is not the answer's (see _complete_list)."""

    def execute_operation(self, serially: bool | None = None) -> Any:
        result = super().execute_operation(serially)
        if self.is_awaitable(result):
            return self._released_when_done(result)
        self._release()
        return result

    async def _released_when_done(self, result: Awaitable[Any]) -> Any:
        try:
            return await result
        finally:
            self._release()

    def _release(self) -> None:
        """graphql-core's executor holds itself (its resolve infos' helpers are its own bound
        methods), so the request's context, loaders and everything they loaded would wait for
        the cycle collector: ~5,000 objects a nested page, freed in collections of a few ms.
        Once the answer is built and no work goes on in the background, the cycle is cut."""
        if not self.background_futures:
            del self.async_helpers

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: GroupedFieldSet,
        position_context: Any,
    ) -> Any:
        plan = None
        if position_context is None and self._planning:
            plan = self.plan(parent_type, grouped_field_set)
        if plan is None:
            return super().execute_fields(
                parent_type, source_value, path, grouped_field_set, position_context
            )
        return self._run(plan, parent_type, source_value, path)

    def _selection(
        self,
        object_type: GraphQLObjectType,
        value: Any,
        path: Path,
        planned: tuple[GroupedFieldSet, Plan | None],
    ) -> Any:
        """The value's selection completed, as execute_fields would (its plan looked up once)."""
        grouped_field_set, plan = planned
        if plan is None:
            return super().execute_fields(object_type, value, path, grouped_field_set, None)
        return self._run(plan, object_type, value, path)

    def _run(
        self, plan: Plan, parent_type: GraphQLObjectType, source_value: Any, path: Path | None
    ) -> Any:
        position_context = None
        results: dict[str, Any] = {}
        awaitable_fields: list[str] = []
        is_awaitable = self.is_awaitable
        try:
            for kind, response_name, how, field_details_list in plan:
                if kind == _TYPENAME:
                    results[response_name] = how
                    continue
                if kind == _LEAF:
                    value = read_leaf(how, source_value)
                    if value is not Undefined:
                        results[response_name] = value
                        continue
                elif kind == _OBJECT:
                    value = self._complete_object_field(
                        how, parent_type, source_value, path, response_name, field_details_list
                    )
                    if value is not _STANDARD_PATH:
                        results[response_name] = value
                        if is_awaitable(value):
                            awaitable_fields.append(response_name)
                        continue
                result = self.execute_field(
                    parent_type,
                    source_value,
                    field_details_list,
                    Path(path, response_name, parent_type.name),
                    position_context,
                )
                if result is not Undefined:
                    results[response_name] = result
                    if is_awaitable(result):
                        awaitable_fields.append(response_name)
        except Exception:
            if awaitable_fields:
                self.settle_in_background([results[name] for name in awaitable_fields])
            raise
        if not awaitable_fields:
            return results
        # Some fields are still resolving: gather them as graphql-core gathers its own.
        return self._gather_fields(results, awaitable_fields)

    async def _gather_fields(self, results: dict[str, Any], awaitable_fields: list[str]) -> Any:
        if len(awaitable_fields) == 1:
            name = awaitable_fields[0]
            results[name] = await results[name]
            return results
        awaited = await gather_with_cancel(*(results[name] for name in awaitable_fields))
        results.update(zip(awaitable_fields, awaited, strict=True))
        return results

    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: FieldDetailsList,
        path: Path,
        position_context: Any,
    ) -> Any:
        """graphql-core's, with a strawberry resolver called directly where the wrapper would
        only convert its arguments (schema/direct_calls.py), and the arguments of a field
        written without variables coerced and converted once, not once per object or
        request."""
        first = field_details_list[0]
        node = first.node
        field_def = self.schema.get_field(parent_type, node.name.value)
        if field_def is None or not self._planning:
            return super().execute_field(
                parent_type, source, field_details_list, path, position_context
            )
        direct = direct_field(field_def, self.schema)
        arguments: dict[str, Any] | None
        if direct is not None:
            arguments = self._converted_arguments(direct, field_def, first)
        elif node.arguments:
            arguments = self._constant_arguments(field_def, first)
        else:
            arguments = None
        if arguments is None:
            return super().execute_field(
                parent_type, source, field_details_list, path, position_context
            )
        return_type = field_def.type
        info = self.build_resolve_info(field_def, to_nodes(field_details_list), parent_type, path)
        try:
            if direct is not None:
                result = direct.call(source, info, arguments)
            else:
                result = (field_def.resolve or self.field_resolver)(source, info, **arguments)
            if self.is_awaitable(result):
                return self.complete_awaitable_value(
                    return_type, field_details_list, info, path, result, position_context
                )
            completed = self.complete_value(
                return_type, field_details_list, info, path, result, position_context
            )
            if self.is_awaitable(completed):
                return self._guarded(completed, return_type, field_details_list, path)
        except Exception as raw_error:
            self.handle_field_error(raw_error, return_type, field_details_list, path)
            return None
        return completed

    def _converted_arguments(
        self, direct: DirectField, field_def: GraphQLField, first: FieldDetails
    ) -> dict[str, Any] | None:
        """The field's arguments as its resolver takes them: those written without variables
        converted once (shared as the steps are), those naming variables coerced and converted
        for this request; None: leave the field to graphql-core and strawberry (fragment
        arguments, or arguments that do not coerce or convert, whose errors are theirs)."""
        node = first.node
        if first.fragment_variable_values is not None:
            return None
        known = self._converted.get(id(node))
        if known is None or known[0] is not field_def:
            varying = {
                argument.name.value
                for argument in node.arguments or ()
                if _names_variables(argument.value)
            }
            # The field split in two: the arguments written without variables, coerced and
            # converted here once, and those naming variables, coerced alone per request.
            constant_field, variables_only = field_def, None
            if varying:
                constant_field = _with_arguments(field_def, lambda name: name not in varying)
                variables_only = _with_arguments(field_def, lambda name: name in varying)
            raw = self._coerced_arguments(constant_field, node)
            if raw is None:
                return None
            try:
                constant = direct.convert(raw)
            except Exception:
                return None
            known = (field_def, constant, variables_only, node)
            self._converted[id(node)] = known
        constant, variables_only = known[1], known[2]
        if variables_only is None:
            return constant
        raw = self._coerced_arguments(variables_only, node)
        if raw is None:
            return None
        try:
            converted = direct.convert(raw)
        except Exception:
            return None
        return {**constant, **converted}

    def _coerced_arguments(self, field_def: GraphQLField, node: FieldNode) -> dict[str, Any] | None:
        try:
            return get_argument_values(field_def, node, self.variable_values)
        except Exception:
            return None

    def _constant_arguments(
        self, field_def: GraphQLField, first: FieldDetails, *, variables: bool = False
    ) -> dict[str, Any] | None:
        """The field's arguments as graphql-core coerces them: those that name no variable
        coerced once (shared as the steps are), or with `variables` (a batched field's) any,
        once a request; None: coerce them
        object by object as graphql-core does (they name variables or fragment arguments, or
        do not coerce)."""
        node = first.node
        kept = self._variable_arguments if variables else self._arguments
        known = kept.get(id(node))
        if known is not None and known[0] is field_def:
            return known[1]
        args = None
        if first.fragment_variable_values is None and (
            variables
            or not any(_names_variables(argument.value) for argument in node.arguments or ())
        ):
            try:
                args = get_argument_values(field_def, node, self.variable_values)
            except Exception:
                args = None
        kept[id(node)] = (field_def, args, node)
        return args

    def plan(
        self, parent_type: GraphQLObjectType, grouped_field_set: GroupedFieldSet
    ) -> Plan | None:
        known = self._plans.get(id(grouped_field_set))
        if known is not None:
            return known[1]
        steps: list[Step] = []
        for response_name, details in grouped_field_set.items():
            steps.append(self._step(parent_type, response_name, details))
        plan = tuple(steps) if any(step[0] != _STANDARD for step in steps) else None
        self._plans[id(grouped_field_set)] = (grouped_field_set, plan)
        return plan

    def _step(
        self, parent_type: GraphQLObjectType, response_name: str, details: FieldDetailsList
    ) -> Step:
        key = (id(parent_type), response_name, *[id(detail.node) for detail in details])
        known = self._steps.get(key)
        if known is not None and known[0] is parent_type:
            return known[1]
        step = self._new_step(parent_type, response_name, details)
        self._steps[key] = (parent_type, step)
        return step

    def _new_step(
        self, parent_type: GraphQLObjectType, response_name: str, details: FieldDetailsList
    ) -> Step:
        node = details[0].node
        if node.name.value == "__typename":
            return (_TYPENAME, response_name, parent_type.name, details)
        field = self.schema.get_field(parent_type, node.name.value)
        incremental = any(
            directive.name.value in _INCREMENTAL
            for detail in details
            for directive in detail.node.directives or ()
        )
        if field is None or incremental:
            return (_STANDARD, response_name, None, details)
        batched = batched_field(field)
        if batched is not None:
            return (_BATCHED, response_name, BatchStep(batched), details)
        if node.arguments:
            return (_STANDARD, response_name, None, details)
        read = plain_read(field)
        if isinstance(read, LeafRead):
            return (_LEAF, response_name, read, details)
        if isinstance(read, ObjectRead):
            return (_OBJECT, response_name, ObjectStep(read), details)
        return (_STANDARD, response_name, None, details)

    def _complete_object_field(
        self,
        step: ObjectStep,
        parent_type: GraphQLObjectType,
        source: Any,
        path: Path | None,
        response_name: str,
        details: FieldDetailsList,
    ) -> Any:
        """The completed field, an awaitable of it, or _STANDARD_PATH."""
        read = step.read
        try:
            value = read.read(source)
        except Exception:
            return _STANDARD_PATH
        if value is None:
            return None if read.nullable else _STANDARD_PATH
        field_path = Path(path, response_name, parent_type.name)
        if read.item_type is None:
            object_type = self._object_type(step, value, parent_type, field_path, details)
            fields = None if object_type is None else step.subfields(self, object_type, details)
            if object_type is None or fields is None:
                return _STANDARD_PATH
            try:
                completed = self._selection(object_type, value, field_path, fields)
            except Exception as raw_error:
                self.handle_field_error(raw_error, read.type, details, field_path)
                return None
            if self.is_awaitable(completed):
                return self._guarded(completed, read.type, details, field_path)
            return completed
        if type(value) is InTurns:
            return self._guarded(
                self._complete_in_turns(step, value, parent_type, field_path, details),
                read.type,
                details,
                field_path,
            )
        if type(value) is not list and type(value) is not tuple:
            return _STANDARD_PATH
        planned = self._planned_items(step, value, parent_type, field_path, details)
        if planned is None:
            return _STANDARD_PATH
        try:
            completed = self._complete_list(read.item_type, value, planned, field_path, details)
        except Exception as raw_error:
            self.handle_field_error(raw_error, read.type, details, field_path)
            return None
        if self.is_awaitable(completed):
            return self._guarded(completed, read.type, details, field_path)
        return completed

    async def _complete_in_turns(
        self,
        step: ObjectStep,
        value: InTurns[Any],
        parent_type: GraphQLObjectType,
        field_path: Path,
        details: FieldDetailsList,
    ) -> list[Any]:
        """A list handed over in turns, completed a turn at a time: the items of each turn
        planned as a list's are; a turn whose items are not all planned goes item by item the
        standard way, as graphql-core completes an async iterable."""
        read = step.read
        assert read.item_type is not None  # InTurns is only ever a list
        completed: list[Any] = []
        items = iter(value.items)
        while True:
            try:
                turn = list(islice(items, TURN))
            except Exception as raw_error:
                raise located_error(raw_error, to_nodes(details), field_path.as_list()) from None
            if not turn:
                break
            planned = self._planned_items(step, turn, parent_type, field_path, details)
            if planned is None:
                done = self._complete_items_standard(
                    read.item_type, turn, len(completed), field_path, details
                )
            else:
                done = self._complete_list(
                    read.item_type, turn, planned, field_path, details, offset=len(completed)
                )
            if self.is_awaitable(done):
                done = await done
            completed.extend(done)
            await asyncio.sleep(0)
        return completed

    def _planned_items(
        self,
        step: ObjectStep,
        items: list[Any] | tuple[Any, ...],
        parent_type: GraphQLObjectType,
        field_path: Path,
        details: FieldDetailsList,
    ) -> list[tuple[GraphQLObjectType, tuple[GroupedFieldSet, Plan | None]]] | None:
        """Each item's object type and selection plan; None when any item must go the
        standard way (a null, a type not known by its class, a deferred selection)."""
        fixed = step.fixed
        if fixed is not None:
            fields = step.subfields(self, fixed, details)
            if fields is None or any(map(is_, items, repeat(None))):
                return None
            return [(fixed, fields)] * len(items)
        planned = []
        for item in items:
            object_type = (
                None
                if item is None
                else self._object_type(step, item, parent_type, field_path, details)
            )
            fields = None if object_type is None else step.subfields(self, object_type, details)
            if object_type is None or fields is None:
                return None
            planned.append((object_type, fields))
        return planned

    def _complete_items_standard(
        self,
        item_type: GraphQLOutputType,
        items: list[Any],
        offset: int,
        field_path: Path,
        details: FieldDetailsList,
    ) -> Any:
        info = self._info_of(details, field_path)
        completed: list[Any] = []
        awaitable_indices: list[int] = []
        for index, item in enumerate(items):
            item_path = Path(field_path, offset + index, None)
            if self.complete_list_item_value(
                item, completed, item_type, details, info, item_path, None
            ):
                awaitable_indices.append(index)
        if not awaitable_indices:
            return completed
        return self._gather_items(completed, awaitable_indices)

    def _info_of(self, details: FieldDetailsList, field_path: Path) -> GraphQLResolveInfo[Any]:
        parent_type = self.schema.get_type(str(field_path.typename))
        assert isinstance(parent_type, GraphQLObjectType)
        field = self.schema.get_field(parent_type, details[0].node.name.value)
        assert field is not None  # planned fields exist
        return self.build_resolve_info(field, to_nodes(details), parent_type, field_path)

    def _object_type(
        self,
        step: ObjectStep,
        value: Any,
        parent_type: GraphQLObjectType,
        field_path: Path,
        details: FieldDetailsList,
    ) -> GraphQLObjectType | None:
        if step.fixed is not None:
            return step.fixed
        known = runtime_type(value, step.read.named)
        if not isinstance(known, NotLearnt):
            return known

        def info() -> GraphQLResolveInfo[Any]:
            field = self.schema.get_field(parent_type, details[0].node.name.value)
            assert field is not None  # planned fields exist
            return self.build_resolve_info(field, to_nodes(details), parent_type, field_path)

        return learn_runtime_type(value, step.read.named, self.schema, info, self.type_resolver)

    def _complete_list(
        self,
        item_type: GraphQLOutputType,
        items: list[Any] | tuple[Any, ...],
        planned: list[PlannedItem],
        field_path: Path,
        details: FieldDetailsList,
        offset: int = 0,
    ) -> Any:
        """The list completed a level at a time: its items' selections are filled in, and each
        batched field (schema/batched_fields.py) is resolved once for all the objects that ask
        for it at that level, then its values filled in the same way, down to the last level.

        This gives the answer item by item completion gives only where nothing goes wrong, so
        any error under the list gives it up: work still under way there is left to finish
        unheard, and the list is completed item by item (the error is then raised again, and
        reported, where graphql-core reports it)."""
        region = _Region(Path(field_path.prev, field_path.key, field_path.typename))
        self._regions[id(region.root)] = region.root
        try:
            completed = self._fill_items(region, items, planned, region.root, offset)
        except Exception:
            return self._give_up(region, item_type, items, planned, field_path, details, offset)
        if not region.batches and not region.waiting:
            del self._regions[id(region.root)]
            return completed
        return self._finish_levels(
            region, completed, item_type, items, planned, field_path, details, offset
        )

    async def _finish_levels(
        self,
        region: _Region,
        completed: list[Any],
        item_type: GraphQLOutputType,
        items: list[Any] | tuple[Any, ...],
        planned: list[PlannedItem],
        field_path: Path,
        details: FieldDetailsList,
        offset: int,
    ) -> Any:
        try:
            while region.batches or region.waiting:
                batches = list(region.batches.values())
                waiting = region.waiting
                region.batches, region.waiting = {}, []
                resolving: list[Awaitable[Any]] = [self._resolve_batch(b) for b in batches]
                resolving.extend(awaitable for _container, _key, awaitable in waiting)
                if len(resolving) == 1:
                    resolved = [await resolving[0]]
                else:
                    resolved = await gather_with_cancel(*resolving)
                for (container, key, _awaitable), value in zip(
                    waiting, resolved[len(batches) :], strict=True
                ):
                    container[key] = value
                for batch, values in zip(batches, resolved, strict=False):
                    self._fill_batch(region, batch, values)
        except Exception:
            given_up = self._give_up(region, item_type, items, planned, field_path, details, offset)
            return await given_up if self.is_awaitable(given_up) else given_up
        del self._regions[id(region.root)]
        return completed

    def _give_up(
        self,
        region: _Region,
        item_type: GraphQLOutputType,
        items: list[Any] | tuple[Any, ...],
        planned: list[PlannedItem],
        field_path: Path,
        details: FieldDetailsList,
        offset: int,
    ) -> Any:
        """The list completed item by item; the region's root stays known, so whatever was
        still under way there ends unheard."""
        if region.waiting:
            self.settle_in_background([awaitable for _c, _k, awaitable in region.waiting])
        region.batches, region.waiting = {}, []
        return self._complete_items(item_type, items, planned, field_path, details, offset)

    def handle_field_error(
        self,
        raw_error: Exception,
        return_type: GraphQLOutputType,
        field_details_list: FieldDetailsList,
        path: Path,
    ) -> None:
        """graphql-core's, except under a list being completed a level at a time: there the
        list is given up (_complete_list) and the error raised again item by item."""
        if self._regions:
            at: Path | None = path
            while at is not None:
                if id(at) in self._regions:
                    raise _GivenUpError from raw_error
                at = at.prev
        super().handle_field_error(raw_error, return_type, field_details_list, path)

    def _fill_items(
        self,
        region: _Region,
        items: list[Any] | tuple[Any, ...],
        planned: list[PlannedItem],
        field_path: Path,
        offset: int,
    ) -> list[Any]:
        """The items' selections, those of each object type filled in together
        (_fill_objects); an item whose selection has no plan is completed by graphql-core."""
        paths = [_new_path((field_path, offset + index, None)) for index in range(len(items))]
        first = planned[0] if planned else None
        if first is not None and first[1][1] is not None and planned.count(first) == len(planned):
            return self._fill_objects(region, first[1][1], first[0], items, paths)
        completed: list[Any] = [None] * len(items)
        groups: dict[int, tuple[GraphQLObjectType, Plan, list[int]]] = {}
        for index, item in enumerate(items):
            object_type, (grouped_field_set, plan) = planned[index]
            if plan is None:
                done = super().execute_fields(
                    object_type, item, paths[index], grouped_field_set, None
                )
                completed[index] = done
                if self.is_awaitable(done):
                    region.waiting.append((completed, index, done))
                continue
            group = groups.get(id(plan))
            if group is None:
                group = groups[id(plan)] = (object_type, plan, [])
            group[2].append(index)
        for object_type, plan, indices in groups.values():
            filled = self._fill_objects(
                region,
                plan,
                object_type,
                [items[index] for index in indices],
                [paths[index] for index in indices],
            )
            for index, selection in zip(indices, filled, strict=True):
                completed[index] = selection
        return completed

    def _fill(
        self,
        region: _Region,
        plan: Plan,
        parent_type: GraphQLObjectType,
        source: Any,
        path: Path,
    ) -> dict[str, Any]:
        return self._fill_objects(region, plan, parent_type, (source,), (path,))[0]

    def _fill_objects(
        self,
        region: _Region,
        plan: Plan,
        parent_type: GraphQLObjectType,
        sources: Sequence[Any],
        paths: Sequence[Path],
    ) -> list[dict[str, Any]]:
        """The selections of objects of one type, as _run completes one, a field at a time
        for all of them: an edge's node or a connection's edges is read for every object and
        filled in together, down to the level's batched fields (left to the level) and
        awaited fields (left to the region). An object whose field is unusual (a read that
        raises, a null where the type forbids it, a type not known by its class) has that
        field filled the way one object's is (_fill_step)."""
        if not sources:
            return []
        results: list[dict[str, Any]] = [{} for _ in sources]
        for step in plan:
            kind, response_name, how, details = step
            unusual: Sequence[int]
            if kind == _TYPENAME:
                for result in results:
                    result[response_name] = how
                continue
            if kind == _LEAF:
                column = read_leaves(how, sources)
                if column is not None:
                    for result, value in zip(results, column, strict=True):
                        result[response_name] = value
                    continue
                unusual = []
                for index, source in enumerate(sources):
                    value = read_leaf(how, source)
                    if value is Undefined:
                        unusual.append(index)
                    else:
                        results[index][response_name] = value
            elif kind == _OBJECT:
                unusual = self._fill_object_fields(
                    region, how, parent_type, sources, paths, response_name, results
                )
            elif kind == _BATCHED:
                arguments = self._constant_arguments(how.batched.field, details[0], variables=True)
                if arguments is None:
                    unusual = range(len(sources))
                else:
                    members = region.batch(how, parent_type, details, arguments).members
                    for result, source, path in zip(results, sources, paths, strict=True):
                        result[response_name] = None  # keeps the key's place in the answer
                        members.append((result, response_name, source, path))
                    continue
            else:
                unusual = range(len(sources))
            for index in unusual:
                self._fill_step(
                    region, step, parent_type, sources[index], paths[index], results[index]
                )
        return results

    def _fill_object_fields(
        self,
        region: _Region,
        step: ObjectStep,
        parent_type: GraphQLObjectType,
        sources: Sequence[Any],
        paths: Sequence[Path],
        response_name: str,
        results: list[dict[str, Any]],
    ) -> list[int]:
        """An object field of every source filled in: the values of one object together, the
        items of every source's list together. The sources whose field is unusual."""
        read = step.read
        unusual: list[int] = []
        values: list[Any] = []
        at: Sequence[int] = range(len(sources))
        try:
            values = list(map(read.read, sources))
        except Exception:
            values = []
        if len(values) < len(sources) or any(map(is_, values, repeat(None))):
            values = []
            kept: list[int] = []
            at = kept
            for index, source in enumerate(sources):
                try:
                    value = read.read(source)
                except Exception:
                    unusual.append(index)
                    continue
                if value is None:
                    if read.nullable:
                        results[index][response_name] = None
                    else:
                        unusual.append(index)
                    continue
                values.append(value)
                kept.append(index)
        if read.item_type is None:
            targets = [results[index] for index in at]
            value_paths = [paths[index] for index in at]
            left = self._fill_values(
                region, step, parent_type, response_name, values, value_paths, targets
            )
            unusual.extend(at[position] for position in left)
            return sorted(unusual) if left else unusual
        fixed = step.fixed
        planned = None if fixed is None else step.known_subfields.get(fixed)
        if fixed is None or planned is None or planned[1] is None:
            return sorted([*unusual, *at])
        items: list[Any] = []
        item_paths: list[Path] = []
        spans: list[tuple[int, int, int]] = []
        for index, value in zip(at, values, strict=True):
            if (type(value) is not list and type(value) is not tuple) or any(
                map(is_, value, repeat(None))
            ):
                unusual.append(index)
                continue
            field_path = _new_path((paths[index], response_name, parent_type.name))
            start = len(items)
            items.extend(value)
            item_paths.extend(
                [_new_path((field_path, position, None)) for position in range(len(value))]
            )
            spans.append((index, start, len(items)))
        filled = self._fill_objects(region, planned[1], fixed, items, item_paths)
        for index, start, end in spans:
            results[index][response_name] = filled[start:end]
        return sorted(unusual)

    def _fill_values(
        self,
        region: _Region,
        step: ObjectStep,
        parent_type: GraphQLObjectType,
        response_name: str,
        values: Sequence[Any],
        paths: Sequence[Path],
        targets: Sequence[dict[str, Any]],
    ) -> list[int]:
        """Each (non-null) value's selection, those of one object type together, set as
        `response_name` of its target; the positions of the values whose type or plan is not
        known yet (they go the way one value goes)."""
        fixed = step.fixed
        known = step.known_subfields
        type_name = parent_type.name
        if fixed is not None:
            planned = known.get(fixed)
            if planned is None or planned[1] is None:
                return list(range(len(values)))
            filled = self._fill_objects(
                region,
                planned[1],
                fixed,
                values,
                [_new_path((path, response_name, type_name)) for path in paths],
            )
            for target, selection in zip(targets, filled, strict=True):
                target[response_name] = selection
            return []
        grouped, left = by_runtime_type(values, step.read.named)
        for object_type, positions in grouped.items():
            planned = known.get(object_type)
            if planned is None or planned[1] is None:
                left.extend(positions)
                continue
            filled = self._fill_objects(
                region,
                planned[1],
                object_type,
                [values[position] for position in positions],
                [_new_path((paths[position], response_name, type_name)) for position in positions],
            )
            for position, selection in zip(positions, filled, strict=True):
                targets[position][response_name] = selection
        return left

    def _fill_step(
        self,
        region: _Region,
        step: Step,
        parent_type: GraphQLObjectType,
        source: Any,
        path: Path,
        results: dict[str, Any],
    ) -> None:
        """One field of one object, where _fill_objects found it unusual: an object field read
        and completed on its own, or graphql-core's execute_field."""
        kind, response_name, how, field_details_list = step
        if kind == _OBJECT:
            value = self._fill_object_field(
                region, how, parent_type, source, path, response_name, field_details_list
            )
            if value is not _STANDARD_PATH:
                results[response_name] = value
                if self.is_awaitable(value):
                    region.waiting.append((results, response_name, value))
                return
        result = self.execute_field(
            parent_type,
            source,
            field_details_list,
            _new_path((path, response_name, parent_type.name)),
            None,
        )
        if result is not Undefined:
            results[response_name] = result
            if self.is_awaitable(result):
                region.waiting.append((results, response_name, result))

    def _fill_object_field(
        self,
        region: _Region,
        step: ObjectStep,
        parent_type: GraphQLObjectType,
        source: Any,
        path: Path,
        response_name: str,
        details: FieldDetailsList,
    ) -> Any:
        read = step.read
        try:
            value = read.read(source)
        except Exception:
            return _STANDARD_PATH
        if read.item_type is not None and type(value) is not list and type(value) is not tuple:
            return self._complete_object_field(
                step, parent_type, source, path, response_name, details
            )
        return self._fill_value(region, step, value, parent_type, path, response_name, details)

    def _fill_value(
        self,
        region: _Region,
        step: ObjectStep,
        value: Any,
        parent_type: GraphQLObjectType,
        path: Path,
        response_name: str,
        details: FieldDetailsList,
    ) -> Any:
        """A read or resolved object field's value filled in; _STANDARD_PATH where
        graphql-core must complete it."""
        read = step.read
        if value is None:
            return None if read.nullable else _STANDARD_PATH
        field_path = _new_path((path, response_name, parent_type.name))
        if read.item_type is None:
            object_type = step.fixed or self._object_type(
                step, value, parent_type, field_path, details
            )
            fields = None if object_type is None else step.subfields(self, object_type, details)
            if object_type is None or fields is None:
                return _STANDARD_PATH
            grouped_field_set, plan = fields
            if plan is None:
                return super().execute_fields(
                    object_type, value, field_path, grouped_field_set, None
                )
            return self._fill(region, plan, object_type, value, field_path)
        planned = self._planned_items(step, value, parent_type, field_path, details)
        if planned is None:
            return _STANDARD_PATH
        return self._fill_items(region, value, planned, field_path, 0)

    def _fill_batch(self, region: _Region, batch: _Batch, values: Sequence[Any]) -> None:
        """The batch's values set in its members' objects, filled in together (_fill_values);
        a value of a type not known yet the way one value goes (_fill_value)."""
        step = batch.step.value
        members = batch.members
        if len(values) != len(members):
            raise _GivenUpError
        present = [index for index, value in enumerate(values) if value is not None]
        if len(present) < len(values) and not step.read.nullable:
            raise _GivenUpError  # a null where the type forbids it: graphql-core's error
        # The members' keys hold None already (their place in the answer): nulls stay.
        response_name = members[0][1]
        left = self._fill_values(
            region,
            step,
            batch.parent_type,
            response_name,
            [values[index] for index in present],
            [members[index][3] for index in present],
            [members[index][0] for index in present],
        )
        for position in left:
            index = present[position]
            results, _name, _source, path = members[index]
            filled = self._fill_value(
                region, step, values[index], batch.parent_type, path, response_name, batch.details
            )
            if filled is _STANDARD_PATH:
                raise _GivenUpError
            results[response_name] = filled
            if self.is_awaitable(filled):
                region.waiting.append((results, response_name, filled))

    async def _resolve_batch(self, batch: _Batch) -> Sequence[Any]:
        sources = [source for _results, _name, source, _path in batch.members]
        return await batch.step.batched.resolve(
            self.schema, self.context_value, sources, batch.arguments
        )

    def _complete_items(
        self,
        item_type: GraphQLOutputType,
        items: list[Any] | tuple[Any, ...],
        planned: list[PlannedItem],
        field_path: Path,
        details: FieldDetailsList,
        offset: int = 0,
    ) -> Any:
        is_awaitable = self.is_awaitable
        completed: list[Any] = []
        awaitable_indices: list[int] = []
        try:
            for index, item in enumerate(items):
                object_type, fields = planned[index]
                item_path = Path(field_path, offset + index, None)
                try:
                    done = self._selection(object_type, item, item_path, fields)
                except Exception as raw_error:
                    self.handle_field_error(raw_error, item_type, details, item_path)
                    done = None
                if is_awaitable(done):
                    done = self._guarded(done, item_type, details, item_path)
                    awaitable_indices.append(index)
                completed.append(done)
        except Exception:
            if awaitable_indices:
                self.settle_in_background([completed[index] for index in awaitable_indices])
            raise
        if not awaitable_indices:
            return completed
        return self._gather_items(completed, awaitable_indices)

    async def _gather_items(self, completed: list[Any], awaitable_indices: list[int]) -> Any:
        if len(awaitable_indices) == 1:
            index = awaitable_indices[0]
            completed[index] = await completed[index]
            return completed
        awaited = await gather_with_cancel(*(completed[index] for index in awaitable_indices))
        for index, item in zip(awaitable_indices, awaited, strict=True):
            completed[index] = item
        return completed

    async def _guarded(
        self,
        completing: Awaitable[Any],
        return_type: GraphQLOutputType,
        details: FieldDetailsList,
        path: Path,
    ) -> Any:
        """What graphql-core's field and list item wrappers do around an awaited completion."""
        try:
            return await completing
        except Exception as raw_error:
            self.handle_field_error(raw_error, return_type, details, path)
            return None


def _with_arguments(field: GraphQLField, keep: Callable[[str], bool]) -> GraphQLField:
    """The field with only the arguments `keep` accepts, for graphql-core to coerce alone."""
    return GraphQLField(field.type, {name: arg for name, arg in field.args.items() if keep(name)})


def _names_variables(value: ValueNode) -> bool:
    if isinstance(value, VariableNode):
        return True
    if isinstance(value, ListValueNode):
        return any(_names_variables(item) for item in value.values)
    if isinstance(value, ObjectValueNode):
        return any(_names_variables(field.value) for field in value.fields)
    return False


class ObjectStep:
    """A planned object field: how to read it, and per object type the selection to complete."""

    __slots__ = ("fixed", "known_subfields", "read")

    def __init__(self, read: ObjectRead) -> None:
        self.read = read
        named = read.named
        self.fixed = (
            named if isinstance(named, GraphQLObjectType) and named.is_type_of is None else None
        )
        """The object type of every value, where graphql-core checks none."""
        self.known_subfields: dict[Any, tuple[GroupedFieldSet, Plan | None] | None] = {}
        """What `subfields` found for each object type so far (looked up by any key: a miss
        is simply no plan yet)."""

    def subfields(
        self, executor: PlannedExecutor, object_type: GraphQLObjectType, details: FieldDetailsList
    ) -> tuple[GroupedFieldSet, Plan | None] | None:
        """The selection to complete on values of `object_type` and its plan; None: some of
        it is deferred."""
        try:
            return self.known_subfields[object_type]
        except KeyError:
            grouped_field_set, new_defer_usages, _forbidden = executor.collect_subfields(
                object_type, details
            )
            found = (
                None
                if new_defer_usages
                else (grouped_field_set, executor.plan(object_type, grouped_field_set))
            )
            self.known_subfields[object_type] = found
            return found


class _GivenUpError(Exception):
    """Something under a list completed a level at a time went wrong: complete it item by
    item instead."""


class BatchStep:
    """A batched field (schema/batched_fields.py): its batch form, and its value's selection
    per object type as an object field's."""

    __slots__ = ("batched", "value")

    def __init__(self, batched: BatchedField) -> None:
        self.batched = batched
        self.value = ObjectStep(batched.value)


_Member = tuple[dict[str, Any], str, Any, Path]
"""Where the value goes (the object's results and the response key), the object, its path."""


class _Batch:
    __slots__ = ("arguments", "details", "members", "parent_type", "step")

    def __init__(
        self,
        step: BatchStep,
        parent_type: GraphQLObjectType,
        details: FieldDetailsList,
        arguments: dict[str, Any],
    ) -> None:
        self.step = step
        self.parent_type = parent_type
        self.details = details
        self.arguments = arguments
        self.members: list[_Member] = []


class _Region:
    """A list being completed a level at a time: its root path, the batched fields of the
    level being filled, the fields whose values are still awaited."""

    __slots__ = ("batches", "root", "waiting")

    def __init__(self, root: Path) -> None:
        self.root = root
        self.batches: dict[int, _Batch] = {}
        self.waiting: list[tuple[Any, Any, Awaitable[Any]]] = []

    def batch(
        self,
        step: BatchStep,
        parent_type: GraphQLObjectType,
        details: FieldDetailsList,
        arguments: dict[str, Any],
    ) -> _Batch:
        found = self.batches.get(id(step))
        if found is None:
            found = self.batches[id(step)] = _Batch(step, parent_type, details, arguments)
        return found
