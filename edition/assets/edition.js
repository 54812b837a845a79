// edition scripts
