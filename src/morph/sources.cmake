# Sources of the morph stage.
