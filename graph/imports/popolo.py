"""Popolo JSON (https://www.popoloproject.com/specs/): persons, organizations, memberships, posts.

Persons become PERSON nodes, organizations ORGANISATION nodes (a `parent_id` becomes a
SUBUNIT_OF tie), memberships MEMBER_OF ties, and the `sources` of each become SOURCE nodes whose
id comes from the url. Posts only lend their label and organization to memberships. Properties
Poikki has no place for are left unread.

Poikki's own Popolo export writes what Popolo has no field for under an object's `poikki` key
(EXTENSION_FIELDS): a person's dates and claims, an organisation's sector, type, branch,
municipality and claims, a membership's tie type (EMPLOYED_BY, SUBUNIT_OF) and seat type, a
source's id, description, date, publisher and language. So that export reads back unchanged.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from graph.hygiene import TOO_DEEP, shown, text_problem, too_deep_at
from graph.imports.batch import FileRead
from graph.imports.located_json import JsonObject, describe, loads
from graph.imports.records import json_type, node_from, tie_from
from graph.model import Node, NodeKind, Scheme, Tie

COLLECTIONS = ("persons", "organizations", "memberships", "posts")
MEMBER_TYPES = {"Person": "persons", "Organization": "organizations"}
ORGANISATION_NAMES = {"start": "founding_date", "end": "dissolution_date"}
MEMBERSHIP_NAMES = {
    "source": "person_id or member.id",
    "target": "organization_id",
    "start": "start_date",
    "end": "end_date",
}


EXTENSION = "poikki"
EXTENSION_FIELDS: Mapping[str, tuple[str, ...]] = {
    "persons": ("start", "end", "claims"),
    "organizations": ("sector", "orgType", "branch", "municipality", "claims"),
    "memberships": ("tie", "seatType"),
    "sources": ("id", "description", "date", "publisher", "language"),
}
"""The Poikki fields each kind of Popolo object may carry under its `poikki` key."""
MEMBERSHIP_TIES = ("MEMBER_OF", "EMPLOYED_BY", "SUBUNIT_OF")


def stable_id(prefix: str, *parts: object) -> str:
    """An id that the same values always give, so importing a file again changes nothing."""
    text = json.dumps(parts, ensure_ascii=False, separators=(",", ":"), default=str)
    return f"{prefix}-{hashlib.sha1(text.encode()).hexdigest()[:12]}"


def source_id(url: str) -> str:
    return f"popolo-{hashlib.sha1(url.encode()).hexdigest()[:12]}"


def subunit_id(unit: object, parent: object) -> str:
    """The SUBUNIT_OF tie an organization's `parent_id` makes."""
    return stable_id("popolo-subunit", unit, parent)


def membership_id(*fields: object) -> str:
    """A membership's tie id when it has none: from its member, organization, post, role and
    dates."""
    return stable_id("popolo-membership", *fields)


@dataclass
class _Document:
    read: FileRead
    objects: dict[str, list[JsonObject]] = field(default_factory=dict)
    posts: dict[str, JsonObject] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)

    def problem(self, at: JsonObject, message: str) -> None:
        self.read.problem(at.line, message)


def read_popolo(file: str, text: str) -> FileRead:
    """Every node and tie a Popolo document states, with the line each object starts on."""
    read = FileRead(file)
    deep = too_deep_at(text)
    if deep is not None:
        read.problem(text.count("\n", 0, deep) + 1, TOO_DEEP)
        return read
    try:
        document = loads(text)
    except json.JSONDecodeError as error:
        read.problem(error.lineno, describe(error, text))
        return read
    if not isinstance(document, JsonObject):
        read.problem(1, f"a Popolo document is a JSON object with {', '.join(COLLECTIONS)} arrays")
        return read
    if not any(name in document for name in COLLECTIONS):
        read.problem(
            document.line, f"not a Popolo document: it has none of {', '.join(COLLECTIONS)}"
        )
        return read
    doc = _Document(read)
    for key in document.repeated:
        doc.problem(document, f"{shown(key)} is given more than once")
    _collect(doc, document)
    for person in doc.objects["persons"]:
        _person(doc, person)
    for organization in doc.objects["organizations"]:
        _organization(doc, organization)
    for membership in doc.objects["memberships"]:
        _membership(doc, membership)
    return read


def _collect(doc: _Document, document: JsonObject) -> None:
    """Gather the four collections, with memberships and posts embedded in persons and
    organizations filled in with the id of the object they sit in."""
    for name in COLLECTIONS:
        doc.objects[name] = _array(doc, document, name)
    for person in doc.objects["persons"]:
        for membership in _array(doc, person, "memberships"):
            membership.setdefault("person_id", person.get("id"))
            doc.objects["memberships"].append(membership)
    for organization in doc.objects["organizations"]:
        for name in ("memberships", "posts"):
            for item in _array(doc, organization, name):
                item.setdefault("organization_id", organization.get("id"))
                doc.objects[name].append(item)
    for collection in ("persons", "organizations"):
        for item in doc.objects[collection]:
            if isinstance(item.get("id"), str):
                doc.kinds.setdefault(item["id"].strip(), collection)
    for post in doc.objects["posts"]:
        ident = post.get("id")
        if not isinstance(ident, str) or not ident.strip():
            doc.problem(post, "a post needs an id (text)")
        elif ident in doc.posts:
            first = doc.posts[ident].line
            doc.problem(post, f"post id '{shown(ident)}' is already used at line {first}")
        else:
            doc.posts[ident] = post


def _array(doc: _Document, parent: JsonObject, name: str) -> list[JsonObject]:
    value = parent.get(name)
    if value is None:
        return []
    if not isinstance(value, list):
        doc.problem(parent, f"{name} must be an array, not {json_type(value)}")
        return []
    items: list[JsonObject] = []
    for item in value:
        if isinstance(item, JsonObject):
            items.append(item)
            for key in item.repeated:
                doc.problem(item, f"{shown(key)} is given more than once")
        else:
            doc.problem(parent, f"each of {name} must be an object, not {json_type(item)}")
    return items


def _sources(doc: _Document, item: JsonObject) -> list[str]:
    """The SOURCE nodes an object cites, added to the file once each; their ids."""
    ids: list[str] = []
    for source in _array(doc, item, "sources"):
        url, note = source.get("url"), source.get("note")
        extension = _extension(doc, source, "sources")
        if extension is None:
            continue
        if extension:
            ident = _extended_source(doc, source, extension)
            if ident is not None:
                ids.append(ident)
            continue
        if not isinstance(url, str) or not url.strip():
            doc.problem(source, "a source needs a url (text)")
            continue
        if note is not None and not isinstance(note, str):
            doc.problem(source, f"a source's note must be text, not {json_type(note)}")
            continue
        problems = [f"a source's {name} {problem}" for name, problem in _text_problems(url, note)]
        if problems:
            for message in problems:
                doc.problem(source, message)
            continue
        url = url.strip()
        ident = source_id(url)
        ids.append(ident)
        if ident not in doc.read.shared:
            title = note.strip() if note and note.strip() else url
            node = Node(NodeKind.SOURCE, ident, title, sources=(ident,), url=url)
            doc.read.shared.add(ident)
            doc.read.node(node, source.line)
    return ids


def _identifiers(doc: _Document, item: JsonObject) -> list[dict[str, object]]:
    """Popolo's `identifiers` ({identifier, scheme}) in the schemes Poikki knows, as records
    read them ({scheme, value}); other schemes are left unread, as other properties are."""
    found: list[dict[str, object]] = []
    for entry in _array(doc, item, "identifiers"):
        scheme, value = entry.get("scheme"), entry.get("identifier")
        if not isinstance(scheme, str) or scheme.strip().upper() not in Scheme.__members__:
            continue
        found.append({"scheme": scheme, "value": value})
    return found


def _extended_source(
    doc: _Document, source: JsonObject, extension: Mapping[str, Any]
) -> str | None:
    """A source that is more than a link: its `poikki` fields say its id and the rest."""
    url, note = source.get("url"), source.get("note")
    ident = extension.get("id")
    if not isinstance(ident, str) or not ident.strip():
        doc.problem(source, f"a source's {EXTENSION}.id is missing (text)")
        return None
    title = note if isinstance(note, str) and note.strip() else url
    record = {"kind": "SOURCE", "title": title, "url": url, **extension}
    names = {name: f"{EXTENSION}.{name}" for name in EXTENSION_FIELDS["sources"]}
    node, problems = node_from(record, names | {"title": "note", "url": "url"})
    if node is not None and node.id not in doc.read.shared:
        doc.read.shared.add(node.id)
        doc.read.node(node, source.line)
    for message in problems:
        doc.problem(source, f"a source's {message}")
    return None if node is None else node.id


def _extension(doc: _Document, item: JsonObject, collection: str) -> dict[str, Any] | None:
    """The object's `poikki` fields ({} when it has none); None, with the problem noted, when
    they are not an object of the fields its collection may carry."""
    value = item.get(EXTENSION)
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        doc.problem(item, f"{EXTENSION} must be an object, not {json_type(value)}")
        return None
    allowed = EXTENSION_FIELDS[collection]
    unknown = [key for key in value if key not in allowed]
    for key in unknown:
        doc.problem(
            item,
            f"{EXTENSION}.{shown(str(key))} is not a Poikki field of {collection}; "
            f"they are {', '.join(allowed)}",
        )
    return None if unknown else dict(value)


def _text_problems(url: str, note: str | None) -> list[tuple[str, str]]:
    given = (("url", url), ("note", note or ""))
    found = ((name, text_problem(value)) for name, value in given)
    return [(name, problem) for name, problem in found if problem is not None]


def _person(doc: _Document, person: JsonObject) -> None:
    extension = _extension(doc, person, "persons")
    record = {
        "kind": "PERSON",
        "id": person.get("id"),
        "name": person.get("name"),
        "description": person.get("summary"),
        "identifiers": _identifiers(doc, person),
        "sources": _sources(doc, person),
        **(extension or {}),
    }
    node, problems = node_from(record, {"description": "summary", **_names("persons")})
    if extension is None:
        node = None
    _keep(doc, person, node, problems)


def _organization(doc: _Document, organization: JsonObject) -> None:
    get = organization.get
    description = next(
        (v for v in (get("description"), get("abstract"), get("classification")) if v), None
    )
    sources = _sources(doc, organization)
    extension = _extension(doc, organization, "organizations")
    record = {
        "kind": "ORGANISATION",
        "id": get("id"),
        "name": get("name"),
        "description": description,
        "start": get("founding_date"),
        "end": get("dissolution_date"),
        "identifiers": _identifiers(doc, organization),
        "sources": sources,
        **(extension or {}),
    }
    node, problems = node_from(record, {**ORGANISATION_NAMES, **_names("organizations")})
    if extension is None:
        node = None
    _keep(doc, organization, node, problems)
    parent = get("parent_id")
    if parent is None or node is None:
        return
    subunit = {
        "tie": "SUBUNIT_OF",
        "id": subunit_id(node.id, parent),
        "source": node.id,
        "target": parent,
        "sources": sources,
    }
    tie, problems = tie_from(subunit, "tie", {"target": "parent_id"})
    _keep(doc, organization, tie, problems)


def _membership(doc: _Document, membership: JsonObject) -> None:
    get = membership.get
    post = _post(doc, membership)
    member = _member(doc, membership)
    organization = get("organization_id")
    if organization is None and post is not None:
        organization = post.get("organization_id")
    candidates = (get("role"), *(post.get(k) for k in ("label", "role") if post), get("label"))
    role = next((v for v in candidates if v not in (None, "")), None)
    extension = _extension(doc, membership, "memberships")
    if extension is None:
        return
    tie_type = extension.pop("tie", "MEMBER_OF")
    if tie_type not in MEMBERSHIP_TIES:
        message = f"{EXTENSION}.tie must be one of {', '.join(MEMBERSHIP_TIES)}, not {tie_type!r}"
        doc.problem(membership, message)
        return
    record = {
        "tie": tie_type,
        "source": member,
        "target": organization,
        "role": role,
        "start": get("start_date"),
        "end": get("end_date"),
        "sources": _sources(doc, membership),
        **extension,
    }
    fields = (member, organization, get("post_id"), role, record["start"], record["end"])
    derived = membership_id(*fields)
    given = get("id")
    record["id"] = derived if given in (None, "") else given
    tie, problems = tie_from(record, "tie", {**MEMBERSHIP_NAMES, **_names("memberships")})
    _keep(doc, membership, tie, problems)


def _post(doc: _Document, membership: JsonObject) -> JsonObject | None:
    ident = membership.get("post_id")
    if ident is None:
        return None
    post = doc.posts.get(ident) if isinstance(ident, str) else None
    if post is None:
        doc.problem(membership, f"post_id '{shown(str(ident))}' names no post in this document")
    return post


def _member(doc: _Document, membership: JsonObject) -> Any:
    """The member's id; a `member` object's type must agree with what the document says it is."""
    person_id, member = membership.get("person_id"), membership.get("member")
    if member is None:
        return person_id
    if not isinstance(member, Mapping):
        doc.problem(membership, f"member must be an object, not {json_type(member)}")
        return person_id
    type_ = member.get("@type", member.get("type"))
    ident = member.get("id")
    listed = doc.kinds.get(ident) if isinstance(ident, str) else None
    if type_ not in MEMBER_TYPES:
        doc.problem(membership, f"member's @type must be Person or Organization, not {type_!r}")
    elif listed is not None and listed != MEMBER_TYPES[type_]:
        message = f"member '{shown(str(ident))}' is a {type_} by its @type but is in {listed}"
        doc.problem(membership, message)
    if person_id is not None and ident != person_id:
        given = f"person_id '{shown(str(person_id))}' and member.id '{shown(str(ident))}'"
        doc.problem(membership, f"{given} differ")
    return ident


def _names(collection: str) -> dict[str, str]:
    """How messages name the `poikki` fields of `collection`."""
    return {name: f"{EXTENSION}.{name}" for name in EXTENSION_FIELDS[collection]}


def _keep(doc: _Document, at: JsonObject, item: Node | Tie | None, problems: list[str]) -> None:
    for message in problems:
        doc.problem(at, message)
    if isinstance(item, Node):
        doc.read.node(item, at.line)
    elif item is not None:
        doc.read.tie(item, at.line)
