"""The demo data of `vetstation demo`: a believable, entirely made-up station to try the program on.

    from demo.home import ensure_demo_station, populate
    from demo.casework import populate_casework
    from demo.plan import plan_for_demo_station

    created = ensure_demo_station(actor=actor)                # 嘎鲁图镇 station + login demo/demo1234
    populate(2000, seed=1, actor=actor)                       # people (demo.generator, demo.names)
    populate_casework(persons=200, seed=1, today=date.today(), actor=actor)
    if created:
        plan_for_demo_station(home, today=date.today(), actor=actor, seed=1)

Everything is written through the domain functions and models.write, so the demo home holds the same
records, change log and rules as a real one. A product feature: `desktop.commands.setup` runs it and
build.spec ships it. The benchmarks (bench/) build their homes with it; nothing here imports bench
or ui (import-linter contracts in pyproject.toml).
"""
