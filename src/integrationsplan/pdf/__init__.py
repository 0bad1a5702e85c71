"""The plan as a PDF the client keeps: ReportLab, bilingual, right-to-left scripts shaped and ordered."""

from integrationsplan.direction import RIGHT_TO_LEFT_LANGUAGES

# The languages a plan can be printed in besides German (German alone: "de"); the first seven are asked for most.
LANGUAGES = ("de", "en", "ar", "fa", "uk", "ru", "tr", "ku", "ckb", "ps", "ti", "so", "fr", "sq")
RIGHT_TO_LEFT = RIGHT_TO_LEFT_LANGUAGES
