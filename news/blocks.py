"""StreamField blocks for article bodies."""

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images import blocks as image_blocks

# Paragraphs keep to what a news story needs; headings come from SubheadBlock so that
# the outline of every article stays h1 > h2.
PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class SubheadBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = "Subhead"
        form_classname = "title"
        template = "news/blocks/subhead_block.html"
        help_text = (
            "A short heading that breaks the story into parts (shown as a second-level heading)."
        )
        description = "A heading inside the story, set as h2."
        preview_value = "What happens next"


class PullQuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(
        max_length=300,
        help_text="A striking line from the story, set large. Up to 300 characters.",
    )
    attribution = blocks.CharBlock(
        required=False,
        max_length=120,
        help_text="Who said it, e.g. 'Mara Ellison, harbour master'.",
    )

    class Meta:
        icon = "openquote"
        label = "Pull quote"
        template = "news/blocks/pull_quote_block.html"
        description = "A short quotation set large, apart from the text."
        preview_value = {
            "quote": "We built the bridge for the next hundred years, not the next election.",
            "attribution": "Chief engineer",
        }


class QuotedPassageBlock(blocks.StructBlock):
    passage = blocks.RichTextBlock(
        features=["bold", "italic", "link"],
        help_text="A passage quoted from the original article or a document.",
    )
    source = blocks.CharBlock(
        required=False, max_length=160, help_text="Where the passage comes from."
    )

    class Meta:
        icon = "doc-full"
        label = "Quoted passage"
        template = "news/blocks/quoted_passage_block.html"
        description = "A longer passage quoted from the source, indented within the text."
        preview_value = {
            "passage": "<p>The council will publish the full survey results before the end of the month.</p>",
            "source": "Council statement",
        }


class ImageBlock(blocks.StructBlock):
    """An image in the body: Wagtail's own ImageBlock (alt text or an explicit "decorative"
    choice) with the caption and credit a newspaper prints under it."""

    image = image_blocks.ImageBlock()
    caption = blocks.CharBlock(required=False, max_length=250)
    credit = blocks.CharBlock(required=False, max_length=120)

    class Meta:
        icon = "image"
        label = "Image"
        template = "news/blocks/image_block.html"
        description = "A photo or graphic with a caption and credit."


class ArticleEmbedBlock(EmbedBlock):
    class Meta:
        icon = "media"
        label = "Embed"
        template = "news/blocks/embed_block.html"
        description = "A video, post or map from a site that supports oEmbed, by its URL."


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES,
        icon="pilcrow",
        label="Paragraph",
        description="Body text: bold, italic, links and lists.",
        preview_value="<p>The new timetable starts on Monday, with trains every fifteen minutes.</p>",
    )
    subhead = SubheadBlock()
    pull_quote = PullQuoteBlock()
    quoted_passage = QuotedPassageBlock()
    image = ImageBlock()
    embed = ArticleEmbedBlock()

    class Meta:
        block_counts = {"subhead": {"max_num": 20}}
