"""The article layer: the document model and how a story is read into it
(sources on disk, discovery, segmentation, quotations, layout and
furniture, suppression comments)."""
