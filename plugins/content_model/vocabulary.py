"""Controlled values of the content model, with English labels that the catalogs translate."""

from __future__ import annotations


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated when rendered."""
    return message


# Proper names: the same in every language.
MUNICIPALITIES: dict[str, str] = {
    "alvesta": "Alvesta",
    "lessebo": "Lessebo",
    "ljungby": "Ljungby",
    "markaryd": "Markaryd",
    "tingsryd": "Tingsryd",
    "uppvidinge": "Uppvidinge",
    "vaxjo": "Växjö",
    "almhult": "Älmhult",
}

# The seat of a municipality whose town has another name (the others share theirs).
SEAT_TOWNS: dict[str, str] = {"uppvidinge": "Åseda"}

DESTINATION_KINDS = {
    "nature": N_("Nature"),
    "water": N_("Lakes and water"),
    "museum": N_("Museum"),
    "glass": N_("Glass and design"),
    "castle": N_("Castles and manors"),
    "heritage": N_("History and heritage"),
    "town": N_("Towns"),
    "family": N_("For families"),
    "stay": N_("Places to stay"),
    "eat": N_("Places to eat"),
}

EVENT_CATEGORIES = {
    "music": N_("Music"),
    "culture": N_("Culture"),
    "sports": N_("Sports"),
    "food": N_("Food and drink"),
    "market": N_("Markets"),
    "family": N_("For families"),
    "outdoors": N_("Outdoors"),
    "festival": N_("Festivals"),
    "exhibition": N_("Exhibitions"),
}

EVENT_STATUSES = {
    "scheduled": N_("Scheduled"),
    "cancelled": N_("Cancelled"),
    "postponed": N_("Postponed"),
    "rescheduled": N_("New date"),
}

ACTIVITY_KINDS = {
    "paddling": N_("Paddling"),
    "cycling": N_("Cycling"),
    "hiking": N_("Hiking"),
    "fishing": N_("Fishing"),
    "swimming": N_("Swimming"),
    "riding": N_("Riding"),
    "skiing": N_("Skiing"),
    "wildlife": N_("Wildlife"),
}

DIFFICULTIES = {
    "easy": N_("Easy"),
    "moderate": N_("Moderate"),
    "demanding": N_("Demanding"),
}

PAGE_ROLES = ("home", "about", "accessibility", "privacy", "partners", "contact")

LABELS: dict[str, dict[str, str]] = {
    "kind:destinations": DESTINATION_KINDS,
    "kind:activities": ACTIVITY_KINDS,
    "category": EVENT_CATEGORIES,
    "status": EVENT_STATUSES,
    "difficulty": DIFFICULTIES,
}
