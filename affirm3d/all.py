"""Everything public in affirm3d, for `from affirm3d.all import *` (hand-written, not exported by nbdev)."""
from .io import *
from .psf import *
from .simulate import *
from .fourier import *
from .isotropy import *
from .models import *
from .data import *
from .learner import *
from .training import *
from .predict import *
from .metrics import *
from .care import *
from .viewer import *
from .export import *
