"""Command-line side of the site (build, check, serve, scaffold): the code behind tasks.py,
and `ProjectPelican`, the class Pelican's own `pelican` command builds with."""


def __getattr__(name: str):
    # PELICAN_CLASS = "sitetools.ProjectPelican": Pelican looks the class up on this
    # package; imported only when asked for, so tasks that never build stay quick.
    if name == "ProjectPelican":
        from .command import ProjectPelican

        return ProjectPelican
    raise AttributeError(name)
