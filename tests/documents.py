"""GraphQL documents that several test modules send."""

IMPORT = """
mutation ($files: [ImportFileInput!]!) {
  importBatch(files: $files) {
    __typename
    ... on ImportSummary { createdNodes updatedNodes unchangedNodes createdTies updatedTies
      unchangedTies }
    ... on ImportRejected { message problems { file line message } }
  }
}
"""
