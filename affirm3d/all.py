"""Everything public in affirm3d, for `from affirm3d.all import *` (hand-written, not exported by nbdev).
In the order of the notebooks: files and normalisation, optics, simulation, spectra, networks and model files, data,
the training loop and its callbacks, training, prediction and restore, metrics and baselines, viewer, export,
bioimage.io packages."""
from .errors import *
from .integrity import *
from .io import *
from .bigio import *
from .norm import *
from .options import *
from .psf import *
from .simulate import *
from .heldout import *
from .fourier import *
from .isotropy import *
from .models import *
from .config import *
from .modelfiles import *
from .data import *
from .simdata import *
from .loaders import *
from .learner import *
from .progress import *
from .schedules import *
from .guards import *
from .checkpoints import *
from .distributed import *
from .gan import *
from .losses import *
from .training import *
from .predict import *
from .restore import *
from .restore_files import *
from .metrics import *
from .care import *
from .viewer import *
from .messages import *
from .export import *
from .bioimageio import *      # bioimageio.spec/core are imported on first use
